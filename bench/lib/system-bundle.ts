/**
 * The systems under test run as built JavaScript, as `candor serve` runs from packages/server/dist:
 * bench/systems/main.ts bundled by esbuild with the production server build's settings (no tsx
 * loader thread, no keepNames wrappers around every closure), npm packages left external. Built once
 * per bench run, into packages/server/dist (git-ignored).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { REPO_ROOT } from './children';

let built: Promise<string> | undefined;

/** The bundle's path, relative to the repository root. */
export function systemBundle(): Promise<string> {
  built ??= buildBundle();
  return built;
}

async function buildBundle(): Promise<string> {
  // Next to the server's own build, so its dependencies resolve as they do for dist/candor.js.
  const out = 'packages/server/dist/bench-systems.mjs';
  const deps = (file: string, field: 'dependencies' | 'devDependencies') =>
    Object.keys(
      (JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Record<string, Record<string, string>>)[
        field
      ] ?? {},
    );
  const external = [
    ...deps('packages/server/package.json', 'dependencies'),
    ...deps('package.json', 'devDependencies'),
  ].filter((name) => !name.startsWith('@candor/'));
  const options: BuildOptions = {
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: ['node20'],
    external: [...external, 'pino-pretty'],
    logLevel: 'warning',
  };
  await build({
    ...options,
    entryPoints: [join(REPO_ROOT, 'bench/systems/main.ts')],
    outfile: join(REPO_ROOT, out),
  });
  // The search-terms thread's body, beside the bundle where storage/search/terms-thread.ts looks for it.
  await build({
    ...options,
    entryPoints: [join(REPO_ROOT, 'packages/server/src/storage/search/terms-worker.ts')],
    outfile: join(REPO_ROOT, 'packages/server/dist/search-terms-worker.js'),
  });
  return out;
}
