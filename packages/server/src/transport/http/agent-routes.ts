import { Hono } from 'hono';
import { createAgentBody, resetPasswordBody, updateAgentBody } from '@candor/protocol/schemas';
import { assertAdmin } from '../../domain/access';
import { maySeeEmail } from '../../domain/agent-lifecycle';
import { createAgent } from '../../commands/create-agent';
import { changeAgent } from '../../commands/agent-lifecycle';
import { resetPassword } from '../../commands/agent-passwords';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';
import { publicAgent } from './public-agent';

export function agentRoutes(deps: HttpDeps) {
  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .get('/', async (c) => {
      const { actor } = c.get('session');
      const agents = await deps.ctx.store.listAgents();
      return c.json({ agents: agents.map((a) => publicAgent(a, maySeeEmail(actor, a.id))) });
    })
    .post('/', async (c) => {
      assertAdmin(c.get('session').actor);
      const body = await parseBody(c, createAgentBody);
      const { agent, generatedPassword } = await createAgent(deps.ctx.store, body, {
        passwordCost: deps.passwordCost,
        now: deps.ctx.now(),
      });
      deps.log.info({ agentId: agent.id, by: c.get('session').agent.id }, 'agent created');
      // A generated password is shown once, to the admin who created the account.
      return c.json(
        { agent: publicAgent(agent), ...(generatedPassword ? { password: generatedPassword } : {}) },
        201,
      );
    })
    .patch('/:id', async (c) => {
      const { actor, agent: by } = c.get('session');
      assertAdmin(actor);
      const change = await parseBody(c, updateAgentBody);
      const agent = await changeAgent(deps.ctx, actor, { id: c.req.param('id'), change });
      deps.log.info({ agentId: agent.id, by: by.id, ...change }, 'agent changed');
      return c.json({ agent: publicAgent(agent) });
    })
    .post('/:id/password', async (c) => {
      const { actor, agent: by } = c.get('session');
      assertAdmin(actor);
      const { password } = await parseBody(c, resetPasswordBody);
      const id = c.req.param('id');
      const generated = await resetPassword(deps.ctx, actor, {
        id,
        password,
        passwordCost: deps.passwordCost,
      });
      deps.log.info({ agentId: id, by: by.id }, 'agent password reset');
      // A generated password is shown once, to the admin who reset it; a chosen one is not echoed.
      return generated === undefined ? c.body(null, 204) : c.json({ password: generated });
    });
}
