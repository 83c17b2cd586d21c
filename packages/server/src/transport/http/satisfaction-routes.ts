/** GET /api/v1/ratings and GET/PUT /api/v1/inboxes/{id}/hours: see commands/satisfaction and commands/hours. */
import { Hono } from 'hono';
import { putInboxHoursBody, ratingsQuery } from '@candor/protocol/schemas';
import { readInboxHours, setInboxHours } from '../../commands/hours/inbox-hours';
import { listRatings } from '../../commands/satisfaction/list-ratings';
import { DomainError } from '../../domain/errors';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

export function satisfactionRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .get('/ratings', async (c) => {
      const parsed = ratingsQuery.safeParse(c.req.query());
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DomainError(
          'bad_frame',
          `Invalid query: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
        );
      }
      const q = parsed.data;
      return c.json(
        await listRatings(ctx, c.get('session').actor, {
          limit: q.limit,
          ...(q.inbox === undefined ? {} : { inboxId: q.inbox }),
          ...(q.conversation === undefined ? {} : { conversationId: q.conversation }),
          ...(q.from === undefined ? {} : { from: Date.parse(q.from) }),
          ...(q.to === undefined ? {} : { to: Date.parse(q.to) }),
          ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
        }),
      );
    })
    .get('/inboxes/:id/hours', async (c) =>
      c.json({ hours: await readInboxHours(ctx, c.get('session').actor, c.req.param('id')) }),
    )
    .put('/inboxes/:id/hours', async (c) => {
      const { hours } = await parseBody(c, putInboxHoursBody);
      const stored = await setInboxHours(ctx, c.get('session').actor, c.req.param('id'), hours);
      deps.log.info({ inboxId: c.req.param('id'), by: c.get('session').agent.id }, 'business hours changed');
      return c.json({ hours: stored });
    });
}
