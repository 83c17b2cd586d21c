import type { Handler } from 'hono';
import { getCookie } from 'hono/cookie';
import { authenticateSession, SESSION_COOKIE } from '../../auth/agent-sessions';
import type { HttpDeps, HttpEnv } from './http-env';
import { publicAgent } from './public-agent';

/**
 * Who this browser is signed in as, or `{ agent: null }`: always 200, so the console's first question
 * on a signed-out load is not logged by the browser as a failed request. API clients keep /api/v1/me,
 * which answers 401 when signed out.
 */
export function sessionRoute(deps: HttpDeps): Handler<HttpEnv> {
  return async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await authenticateSession(deps.ctx.store, token, deps.ctx.now()) : undefined;
    return c.json({ agent: session ? publicAgent(session.agent) : null });
  };
}
