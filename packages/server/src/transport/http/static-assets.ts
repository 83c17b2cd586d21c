/**
 * The demo page, the widget script and the console, served from memory with a precomputed gzip and
 * an ETag. Files are read on first request, so a build made after start is picked up.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/** The repository root, from src/ (tsx) or dist/ (bundle) alike. */
export const repoRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'packages', 'widget')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

interface Loaded {
  raw: Buffer;
  gzip: Buffer;
  etag: string;
}

export class StaticAsset {
  private loaded: Loaded | undefined;

  constructor(
    private readonly path: string,
    private readonly type: string,
    private readonly cacheControl: string,
  ) {}

  serve(c: Context): Response {
    const asset = this.load();
    if (!asset) return c.text(`Not built yet: run "npm run build" (${this.path}).`, 503);
    c.header('content-type', this.type);
    c.header('cache-control', this.cacheControl);
    c.header('etag', asset.etag);
    c.header('x-content-type-options', 'nosniff');
    c.header('vary', 'accept-encoding');
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      c.header('content-encoding', 'gzip');
      return c.body(new Uint8Array(asset.gzip));
    }
    return c.body(new Uint8Array(asset.raw));
  }

  private load(): Loaded | undefined {
    if (this.loaded) return this.loaded;
    const file = join(repoRoot, this.path);
    if (!existsSync(file)) return undefined;
    const raw = readFileSync(file);
    const etag = `"${createHash('sha1').update(raw).digest('base64url').slice(0, 16)}"`;
    this.loaded = { raw, gzip: gzipSync(raw, { level: 9 }), etag };
    return this.loaded;
  }
}
