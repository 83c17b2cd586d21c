#!/usr/bin/env node
// `npm test`: installs what the tests need on a fresh machine (node_modules, Debian's Chromium),
// builds the browser bundles, then runs every *.test.ts with Node's test runner.
// Flags: --no-e2e (skip browser tests), any other argument is a path filter.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const noE2e = args.includes('--no-e2e');
const filters = args.filter((a) => !a.startsWith('--'));

function sh(cmd) {
  execSync(cmd, { cwd: root, stdio: 'inherit' });
}

if (!existsSync(join(root, 'node_modules/.package-lock.json'))) sh('npm ci');
const wantsE2e = !noE2e && (filters.length === 0 || filters.some((f) => f.includes('e2e')));
if (wantsE2e && !existsSync('/usr/bin/chromium')) {
  // Browser tests drive Debian's Chromium; a browser is never downloaded by a test tool.
  if (process.getuid?.() === 0)
    sh('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  else console.warn('Chromium is missing: run `sudo apt-get install -y chromium` (browser tests will skip).');
}
sh('node scripts/build.mjs --browser');

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, p));
  }
  return out;
}
let files = [
  ...find(join(root, 'packages')),
  ...find(join(root, 'scripts')),
  ...find(join(root, 'examples')),
  ...(existsSync(join(root, 'e2e')) ? find(join(root, 'e2e')) : []),
];
if (noE2e) files = files.filter((f) => !f.startsWith('e2e'));
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
files.sort();

const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(res.status ?? 1);
