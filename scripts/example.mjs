#!/usr/bin/env node
// `npm run example`: the example shop of examples/shop beside Candor, ready to try account recovery.
// Installs (first run) and builds like `npm start`, then runs examples/shop/src/beside-candor.ts, which
// starts Candor (embedded store in data/example), connects the two through Candor's REST API and
// starts the shop. PORT (3000) and SHOP_PORT (3100) choose the ports.
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { superviseChild } from './child-exit.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

if (!existsSync(`${root}node_modules/.package-lock.json`)) {
  console.log('Installing dependencies (first run only)…');
  run('npm ci --no-audit --no-fund');
}
run('node scripts/build.mjs');
superviseChild(
  spawn(process.execPath, ['--import', 'tsx', 'examples/shop/src/beside-candor.ts'], {
    cwd: root,
    stdio: 'inherit',
  }),
);
