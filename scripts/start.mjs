#!/usr/bin/env node
// `npm start`: the newcomer's one command. Installs dependencies if this checkout has none (building
// better-sqlite3 from source takes about two minutes the first time), builds, and serves Candor with
// the embedded store in ./data (CANDOR_DATA_DIR). Extra arguments go to `candor` (e.g. `npm start -- --help`).
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
  spawn(process.execPath, ['packages/server/dist/candor.js', 'serve', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    // The demo answers with the bot (on the fresh start that loads the sample articles), unless told not to.
    env: { CANDOR_DEMO_BOT: 'true', ...process.env },
  }),
);
