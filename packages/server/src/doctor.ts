/**
 * `candor doctor`: checks what a deployment depends on and says what to fix. Reads and pings only:
 * it changes nothing (no migration, no account).
 */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';
import { openBus, openStore } from './app';
import { repoRoot } from './transport/http/static-assets';

type Check = { ok: boolean; warn?: boolean; line: string };

export async function runDoctor(config: Config, print: (line: string) => void): Promise<boolean> {
  const checks: Check[] = [];
  const add = (ok: boolean, line: string, warn = false) => {
    checks.push({ ok, line, warn });
    print(`${ok ? (warn ? '!' : '✓') : '✗'} ${line}`);
  };

  if (!config.databaseUrl) {
    try {
      mkdirSync(config.dataDir, { recursive: true });
      accessSync(config.dataDir, constants.W_OK);
      add(true, `data directory ${config.dataDir} is writable`);
    } catch (err) {
      add(false, `data directory ${config.dataDir} is not writable: ${String(err)}`);
    }
  }
  const storeName = config.databaseUrl ? `PostgreSQL (schema ${config.databaseSchema})` : 'SQLite';
  const store = await openStore(config).catch((err: unknown) => {
    add(false, `store ${storeName}: cannot open: ${String(err)}`);
    return undefined;
  });
  if (store) {
    try {
      await store.ping();
      add(true, `store ${storeName} answers`);
      const agents = await store.countAgents().catch(() => undefined);
      if (agents === undefined)
        add(true, 'no schema yet: `candor migrate` or `candor serve` creates it', true);
      else
        add(
          agents > 0,
          agents > 0 ? `${agents} agent account(s)` : 'no agent yet: `candor serve` creates the first admin',
        );
      if (config.bus.kind !== 'local') {
        const bus = await openBus(config, store, () => undefined);
        await bus.close();
      }
      add(true, `bus ${config.bus.kind}${config.bus.kind === 'local' ? ' (one node only)' : ''} connects`);
    } catch (err) {
      add(false, `${String(err)}`);
    } finally {
      await store.close();
    }
  }

  const origins = config.allowedOrigins;
  if (origins.includes('*')) add(true, 'CANDOR_ALLOWED_ORIGINS is *: any site can embed the widget', true);
  else if (origins.length === 0)
    add(true, "widget allowed on Candor's own pages only (set CANDOR_ALLOWED_ORIGINS)", true);
  else add(true, `widget allowed on ${origins.join(', ')}`);
  const badOrigin = origins.find((o) => o !== '*' && !/^https?:\/\/[^/]+$/.test(o));
  if (badOrigin) add(false, `"${badOrigin}" is not an origin (scheme://host[:port], no path)`);

  const assets = ['widget.js', 'widget-help.js', 'widget-recovery.js'].map(
    (f) => `packages/widget/dist/${f}`,
  );
  for (const asset of [...assets, 'packages/console/dist/console.js']) {
    add(
      existsSync(join(repoRoot, asset)),
      existsSync(join(repoRoot, asset)) ? `${asset} is built` : `${asset} missing: run npm run build`,
    );
  }
  if (config.host !== '127.0.0.1' && config.host !== 'localhost' && config.trustProxy.ranges.length === 0) {
    add(true, `listening on ${config.host} without CANDOR_TRUST_PROXY: fine without a reverse proxy`, true);
  }
  return checks.every((c) => c.ok);
}
