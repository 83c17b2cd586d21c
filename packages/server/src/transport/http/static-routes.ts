import { Hono } from 'hono';
import type { HttpEnv } from './http-env';
import { StaticAsset } from './static-assets';

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
// Customer sites load widget.js on every page: a short cache, so a deploy reaches them in minutes.
const demo = new StaticAsset('packages/server/static/demo-shop.html', HTML, 'no-cache');
const widget = new StaticAsset('packages/widget/dist/widget.js', JS, 'public, max-age=300');
const consoleHtml = new StaticAsset('packages/console/dist/index.html', HTML, 'no-cache');
const consoleJs = new StaticAsset('packages/console/dist/console.js', JS, 'no-cache');
const favicon = new StaticAsset(
  'packages/console/dist/favicon.svg',
  'image/svg+xml',
  'public, max-age=86400',
);
const consoleCss = new StaticAsset(
  'packages/console/dist/console.css',
  'text/css; charset=utf-8',
  'no-cache',
);

/** The console's page: no framing by other sites, no scripts but its own. */
const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

export function staticRoutes() {
  const app = new Hono<HttpEnv>()
    .get('/', (c) => demo.serve(c))
    .get('/widget.js', (c) => widget.serve(c))
    .get('/console/assets/console.js', (c) => consoleJs.serve(c))
    .get('/console/assets/console.css', (c) => consoleCss.serve(c))
    .get('/console/assets/favicon.svg', (c) => favicon.serve(c));
  for (const path of ['/console', '/console/*']) {
    app.get(path, (c) => {
      c.header('content-security-policy', CONSOLE_CSP);
      c.header('x-frame-options', 'DENY');
      c.header('referrer-policy', 'same-origin');
      return consoleHtml.serve(c);
    });
  }
  return app;
}
