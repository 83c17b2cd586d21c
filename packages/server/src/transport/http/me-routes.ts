/** The signed-in agent's own account: name, password, and the sessions they are signed in with. */
import { Hono } from 'hono';
import { agentPreferencesSchema, changePasswordBody, updateMeBody } from '@candor/protocol/schemas';
import { preferencesOf, setPreferences } from '../../commands/agent-preferences';
import { endSession, renameSelf } from '../../commands/agent-lifecycle';
import { changeOwnPassword } from '../../commands/agent-passwords';
import { admitLogin, loginSucceeded } from '../../auth/login-throttle';
import { clientIp } from '../client-ip';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';
import { publicAgent } from './public-agent';

export function meRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .get('/', (c) => c.json({ agent: publicAgent(c.get('session').agent) }))
    .patch('/', async (c) => {
      const { name } = await parseBody(c, updateMeBody);
      return c.json({ agent: publicAgent(await renameSelf(ctx, c.get('session'), name)) });
    })
    .post('/password', async (c) => {
      // Proving the current password is a guess like a login: the same limits (per account and per
      // address, across nodes), so a stolen cookie cannot guess it faster than the login page allows.
      const attempt = { email: c.get('session').agent.email, ip: clientIp(c.env.incoming, deps.trustProxy) };
      await admitLogin(ctx.store, attempt, ctx.now());
      const body = await parseBody(c, changePasswordBody);
      await changeOwnPassword(ctx, c.get('session'), { ...body, passwordCost: deps.passwordCost });
      await loginSucceeded(ctx.store, attempt);
      deps.log.info({ agentId: c.get('session').agent.id }, 'agent changed their password');
      return c.body(null, 204);
    })
    .get('/preferences', async (c) =>
      c.json({ preferences: await preferencesOf(ctx, c.get('session').agent.id) }),
    )
    .put('/preferences', async (c) => {
      const body = await parseBody(c, agentPreferencesSchema);
      return c.json({ preferences: await setPreferences(ctx, c.get('session').agent.id, body) });
    })
    .get('/sessions', async (c) => {
      const { agent, sessionId } = c.get('session');
      const sessions = await ctx.store.listSessions(agent.id, ctx.now());
      return c.json({
        sessions: sessions.map((s) => ({
          id: s.id,
          createdAt: s.createdAt,
          expiresAt: s.expiresAt,
          current: s.id === sessionId,
          ...(s.userAgent === null ? {} : { userAgent: s.userAgent }),
          ...(s.ip === null ? {} : { ip: s.ip }),
        })),
      });
    })
    .delete('/sessions/:id', async (c) => {
      await endSession(ctx, c.get('session'), c.req.param('id'));
      return c.body(null, 204);
    });
}
