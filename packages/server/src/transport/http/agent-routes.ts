import { Hono } from 'hono';
import { createAgentBody } from '@candor/protocol/schemas';
import { assertAdmin } from '../../domain/access';
import { createAgent } from '../../commands/create-agent';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';
import { publicAgent } from './public-agent';

export function agentRoutes(deps: HttpDeps) {
  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .get('/', async (c) => c.json({ agents: (await deps.ctx.store.listAgents()).map(publicAgent) }))
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
    });
}
