import type { Handler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import type { HttpDeps, HttpEnv } from './http-env';
import { clientIp } from '../client-ip';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Prometheus scrape endpoint. Counts reveal traffic, so it is not public: loopback only, or with the
 * bearer token from CANDOR_METRICS_TOKEN (for a scraper on another machine). A client forwarded by a
 * trusted proxy on this machine is not loopback.
 */
export function metricsRoute(deps: HttpDeps): Handler<HttpEnv> {
  return async (c) => {
    const token = deps.metricsToken;
    const given = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    const allowed = token
      ? given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token))
      : LOOPBACK.has(clientIp(c.env.incoming, deps.trustProxy));
    if (!allowed) return c.json({ error: { code: 'forbidden', message: 'Metrics are not public.' } }, 403);
    return c.body(await deps.metrics.registry.metrics(), 200, {
      'content-type': deps.metrics.registry.contentType,
    });
  };
}
