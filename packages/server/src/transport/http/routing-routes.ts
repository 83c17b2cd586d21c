/** REST for who answers: teams, inbox routing, agents' status/capacity/skills, the queue, transfers. */
import { Hono } from 'hono';
import {
  createTeamBody,
  setPriorityBody,
  setRequiredSkillsBody,
  transferBody,
  updateAgentRoutingBody,
  updateInboxRoutingBody,
  updateTeamBody,
} from '@candor/protocol/schemas';
import {
  setPriority,
  setRequiredSkills,
  takeFromQueue,
  transfer,
} from '../../commands/routing/conversation-routing';
import {
  createTeam,
  deleteTeam,
  getInboxRouting,
  listAgentRouting,
  listTeams,
  queueOf,
  queuesOf,
  setInboxRouting,
  updateAgentRouting,
  updateTeam,
} from '../../commands/routing/routing-admin';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

export function routingRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .get('/teams', async (c) => c.json({ teams: await listTeams(ctx, c.get('session').actor) }))
    .post('/teams', async (c) => {
      const body = await parseBody(c, createTeamBody);
      return c.json({ team: await createTeam(ctx, c.get('session').actor, body) }, 201);
    })
    .patch('/teams/:id', async (c) => {
      const body = await parseBody(c, updateTeamBody);
      return c.json({ team: await updateTeam(ctx, c.get('session').actor, c.req.param('id'), body) });
    })
    .delete('/teams/:id', async (c) => {
      await deleteTeam(ctx, c.get('session').actor, c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/inboxes/:id/routing', async (c) =>
      c.json({ routing: await getInboxRouting(ctx, c.get('session').actor, c.req.param('id')) }),
    )
    .patch('/inboxes/:id/routing', async (c) => {
      const body = await parseBody(c, updateInboxRoutingBody);
      return c.json({ routing: await setInboxRouting(ctx, c.get('session').actor, c.req.param('id'), body) });
    })
    .get('/inboxes/:id/queue', async (c) =>
      c.json({ queue: await queueOf(ctx, c.get('session').actor, c.req.param('id')) }),
    )
    .get('/queues', async (c) => c.json({ queues: await queuesOf(ctx, c.get('session').actor) }))
    .get('/routing/agents', async (c) =>
      c.json({ agents: await listAgentRouting(ctx, c.get('session').actor) }),
    )
    .patch('/routing/agents/:id', async (c) => {
      const body = await parseBody(c, updateAgentRoutingBody);
      return c.json({
        agent: await updateAgentRouting(ctx, c.get('session').actor, c.req.param('id'), body),
      });
    })
    .post('/conversations/:id/priority', async (c) => {
      const body = await parseBody(c, setPriorityBody);
      return c.json({
        conversation: await setPriority(ctx, c.get('session').actor, c.req.param('id'), body.priority),
      });
    })
    .post('/conversations/:id/skills', async (c) => {
      const body = await parseBody(c, setRequiredSkillsBody);
      return c.json({
        conversation: await setRequiredSkills(ctx, c.get('session').actor, c.req.param('id'), body.skills),
      });
    })
    .post('/conversations/:id/transfer', async (c) => {
      const body = await parseBody(c, transferBody);
      return c.json({ conversation: await transfer(ctx, c.get('session').actor, c.req.param('id'), body) });
    })
    .post('/conversations/:id/take', async (c) =>
      c.json({ conversation: await takeFromQueue(ctx, c.get('session').actor, c.req.param('id')) }),
    );
}
