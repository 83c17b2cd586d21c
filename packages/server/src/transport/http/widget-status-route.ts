import type { Context } from 'hono';
import type { HttpDeps, HttpEnv } from './http-env';

/**
 * `GET /api/v1/widget/status`: whether the widget may chat from the page asking (its Origin), by the
 * same rule as the visitor socket's upgrade. A browser sees a refused upgrade only as a failed socket;
 * this answer lets the widget say that chat is unavailable on the site instead of retrying forever.
 * Readable from any origin (no credentials); no store call and no I/O, so nothing to rate-limit: it
 * costs what a 404 does.
 */
export function widgetStatusRoute(deps: Pick<HttpDeps, 'origins'>) {
  return (c: Context<HttpEnv>) => {
    const allowed = deps.origins.allowsVisitor(c.req.header('origin'), c.req.header('host'));
    c.header('access-control-allow-origin', '*');
    c.header('vary', 'origin');
    return c.json({ allowed });
  };
}
