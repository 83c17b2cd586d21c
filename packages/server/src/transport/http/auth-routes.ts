import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { loginBody } from '@candor/protocol/schemas';
import { logIn, SESSION_COOKIE, SESSION_TTL_MS } from '../../auth/agent-sessions';
import { DomainError } from '../../domain/errors';
import { clientIp } from '../client-ip';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';
import { publicAgent } from './public-agent';

export function authRoutes(deps: HttpDeps) {
  return new Hono<HttpEnv>()
    .post('/login', async (c) => {
      const ip = clientIp(c.env.incoming, deps.trustProxy);
      if (!deps.loginLimiter.take(ip, deps.ctx.now())) {
        throw new DomainError('rate_limited', 'Too many login attempts; wait a minute.');
      }
      const body = await parseBody(c, loginBody);
      const client = { userAgent: c.req.header('user-agent'), ip };
      const result = await logIn(deps.ctx.store, { ...body, client }, deps.ctx.now());
      if (!result) throw new DomainError('unauthenticated', 'Wrong email or password.');
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
