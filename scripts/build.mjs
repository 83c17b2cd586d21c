#!/usr/bin/env node
// Builds with esbuild: the widget (one minified IIFE), the console (one ES module + its html/css),
// and the server with the CLI as one file whose npm dependencies stay external.
// `--browser` builds only the two browser bundles (what the tests need).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const browserOnly = process.argv.includes('--browser');
const at = (p) => root + p;

const common = { bundle: true, logLevel: 'warning', legalComments: 'none', sourcemap: false };

const widgetOptions = {
  ...common,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome90', 'firefox90', 'safari14'],
  minify: true,
};
await build({
  ...widgetOptions,
  entryPoints: [at('packages/widget/src/main.ts')],
  outfile: at('packages/widget/dist/widget.js'),
});
// Parts of the widget loaded on first use, served beside widget.js (docs/performance.md).
for (const [entry, out] of [
  ['help-entry.ts', 'widget-help.js'],
  ['recovery-form-entry.ts', 'widget-recovery.js'],
]) {
  await build({
    ...widgetOptions,
    entryPoints: [at(`packages/widget/src/${entry}`)],
    outfile: at(`packages/widget/dist/${out}`),
  });
}

if (existsSync(at('packages/console/src/main.tsx'))) {
  mkdirSync(at('packages/console/dist'), { recursive: true });
  await build({
    ...common,
    entryPoints: [at('packages/console/src/main.tsx')],
    outfile: at('packages/console/dist/console.js'),
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  for (const f of ['index.html', 'console.css', 'favicon.svg']) {
    if (existsSync(at(`packages/console/src/${f}`)))
      copyFileSync(at(`packages/console/src/${f}`), at(`packages/console/dist/${f}`));
  }
}

if (!browserOnly) {
  const pkg = JSON.parse(readFileSync(at('packages/server/package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies).filter((d) => !d.startsWith('@candor/'));
  await build({
    ...common,
    entryPoints: [at('packages/server/src/cli.ts')],
    outfile: at('packages/server/dist/candor.js'),
    format: 'esm',
    platform: 'node',
    target: ['node20'],
    external: [...external, 'pino-pretty'],
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
  });
  // The search-terms thread's body, found beside the bundle (storage/search/terms-thread.ts).
  await build({
    ...common,
    entryPoints: [at('packages/server/src/storage/search/terms-worker.ts')],
    outfile: at('packages/server/dist/search-terms-worker.js'),
    format: 'esm',
    platform: 'node',
    target: ['node20'],
    external,
  });
}
