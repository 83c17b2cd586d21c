import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { authenticateSession, SESSION_COOKIE } from '../../auth/agent-sessions';
import { DomainError } from '../../domain/errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { allowsStateChange } from '../origin-policy';

/**
 * Agent routes: a valid session cookie, and for anything that changes state a same-host Origin
 * (SameSite=Strict already keeps the cookie off cross-site requests; this is the second lock).
 */
export function requireAgent(deps: HttpDeps): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    assertSameOrigin(c);
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await authenticateSession(deps.ctx.store, token, deps.ctx.now()) : undefined;
    if (!session) throw new DomainError('unauthenticated', 'Log in first.');
    c.set('session', session);
    await next();
  };
}

/** Anything that changes state, signed in or not (login): a present Origin must be same-host. */
export const requireSameOrigin: MiddlewareHandler<HttpEnv> = async (c, next) => {
  assertSameOrigin(c);
  await next();
};

function assertSameOrigin(c: Context<HttpEnv>): void {
  if (!allowsStateChange({ method: c.req.method, origin: c.req.header('origin') }, c.req.header('host'))) {
    throw new DomainError('forbidden', 'Cross-origin request refused.');
  }
}
