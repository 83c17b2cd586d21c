import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { loginBody } from '@candor/protocol/schemas';
import { dummyHash, logIn, SESSION_COOKIE, SESSION_TTL_MS } from '../../auth/agent-sessions';
import { admitLogin, loginSucceeded } from '../../auth/login-throttle';
import { DomainError } from '../../domain/errors';
import { clientIp } from '../client-ip';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent, requireSameOrigin } from './session-middleware';
import { publicAgent } from './public-agent';

export function authRoutes(deps: HttpDeps) {
  // Built now, so the first unknown email takes no longer than the others.
  dummyHash(deps.passwordCost).catch((err: unknown) => deps.log.error({ err: String(err) }, 'dummy hash'));
  return new Hono<HttpEnv>()
    .post('/login', requireSameOrigin, async (c) => {
      const body = await parseBody(c, loginBody);
      const attempt = { email: body.email, ip: clientIp(c.env.incoming, deps.trustProxy) };
      const { ctx } = deps;
      const store = ctx.store;
      await admitLogin(store, attempt, ctx.now()).catch((err: unknown) => {
        if (err instanceof DomainError) {
          deps.log.warn({ email: attempt.email, ip: attempt.ip, reason: err.code }, 'login failed');
        }
        throw err;
      });
      const client = { userAgent: c.req.header('user-agent'), ip: attempt.ip };
      const result = await logIn(
        store,
        { ...body, client },
        { now: ctx.now(), passwordCost: deps.passwordCost },
      );
      if (!result) {
        // Who tried which account from where; never the password.
        deps.log.warn({ email: attempt.email, ip: attempt.ip, reason: 'wrong_credentials' }, 'login failed');
        throw new DomainError('unauthenticated', 'Wrong email or password.');
      }
      await loginSucceeded(store, attempt);
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return c.json({ agent: publicAgent(result.agent) });
    })
    .post('/logout', requireAgent(deps), async (c) => {
      const { sessionId, tokenHash, agent } = c.get('session');
      await deps.ctx.store.deleteSession(tokenHash);
      // Every node closes the sockets this session opened.
      deps.ctx.emit({ type: 'sessions.ended', agentId: agent.id, sessionIds: [sessionId] });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
}
