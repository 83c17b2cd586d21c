import type { Context, MiddlewareHandler } from 'hono';

/**
 * Our own pages (the console, the demo shop): no framing by other sites (clickjacking), and no script
 * or style but files from this server, so markup that slipped through runs nothing. `connect-src
 * 'self'` covers the WebSockets to this server too.
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function pageHeaders(c: Context): void {
  c.header('content-security-policy', PAGE_CSP);
  c.header('x-frame-options', 'DENY'); // frame-ancestors for browsers without CSP 2
  c.header('referrer-policy', 'same-origin');
}

/** Every response: a browser takes the type we send, and never reads JSON or text as HTML or script. */
export const noSniff: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('x-content-type-options', 'nosniff');
};
