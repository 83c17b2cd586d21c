import { Hono } from 'hono';
import type { HttpEnv } from './http-env';
import { StaticAsset } from './static-assets';
import { pageHeaders } from './security-headers';

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
// Customer sites load widget.js on every page: a short cache, so a deploy reaches them in minutes.
const demo = new StaticAsset('packages/server/static/demo-shop.html', HTML, 'no-cache');
const demoCss = new StaticAsset(
  'packages/server/static/demo-shop.css',
  'text/css; charset=utf-8',
  'no-cache',
);
const widget = new StaticAsset('packages/widget/dist/widget.js', JS, 'public, max-age=300');
// Parts of the widget it loads on first use (the Help tab, the recovery form): cached as widget.js is.
const widgetParts = ['widget-help.js', 'widget-recovery.js'].map(
  (name) => [`/${name}`, new StaticAsset(`packages/widget/dist/${name}`, JS, 'public, max-age=300')] as const,
);
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

export function staticRoutes() {
  const app = new Hono<HttpEnv>()
    .get('/', (c) => {
      pageHeaders(c);
      return demo.serve(c);
    })
    .get('/demo-shop.css', (c) => demoCss.serve(c))
    .get('/widget.js', (c) => {
      // Loaded by customers' pages, including those that require CORP of what they embed (COEP).
      c.header('cross-origin-resource-policy', 'cross-origin');
      return widget.serve(c);
    })
    .get('/console/assets/console.js', (c) => consoleJs.serve(c))
    .get('/console/assets/console.css', (c) => consoleCss.serve(c))
    .get('/console/assets/favicon.svg', (c) => favicon.serve(c));
  for (const [path, part] of widgetParts) {
    app.get(path, (c) => {
      c.header('cross-origin-resource-policy', 'cross-origin');
      return part.serve(c);
    });
  }
  for (const path of ['/console', '/console/*']) {
    app.get(path, (c) => {
      pageHeaders(c);
      return consoleHtml.serve(c);
    });
  }
  return app;
}
