#!/usr/bin/env node
// `npm run size`: the widget's size budget, checked rather than hoped for. Builds the browser bundles
// when the widget bundle is missing or older than its sources (or with --build), prints raw and gzipped
// sizes, and exits 1 when the gzipped size reaches the budget.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// 25 KB until issue 13 brought the bot, offline email, transcripts and the Help tab (docs/performance.md).
const BUDGET_GZIP_BYTES = 28 * 1024;

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'packages/widget/dist/widget.js');
const sources = [join(root, 'packages/widget/src'), join(root, 'packages/protocol/src')];

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (!name.endsWith('.test.ts')) newest = Math.max(newest, st.mtimeMs);
  }
  return newest;
}

const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(...sources.map(newestSource));
if (stale || process.argv.includes('--build')) {
  try {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--browser'], {
      cwd: root,
      stdio: 'inherit',
    });
  } catch (err) {
    // The widget is built first: a failure further on (the console) must not hide the widget's size.
    if (!existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(...sources.map(newestSource))) throw err;
    console.warn('widget-size: the build failed after the widget bundle was written; measuring it anyway.');
  }
}

const raw = readFileSync(bundle);
const gzipped = gzipSync(raw).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`widget.js: ${kb(raw.length)} raw, ${kb(gzipped)} gzipped (budget ${kb(BUDGET_GZIP_BYTES)})`);
if (gzipped >= BUDGET_GZIP_BYTES) {
  console.error(`widget.js is over its budget by ${gzipped - BUDGET_GZIP_BYTES + 1} bytes gzipped.`);
  process.exit(1);
}
