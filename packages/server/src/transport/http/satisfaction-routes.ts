/** GET /api/v1/ratings, GET /api/v1/ratings/summary and GET/PUT /api/v1/inboxes/{id}/hours: see commands/satisfaction and commands/hours. */
import { Hono } from 'hono';
import { putInboxHoursBody, ratingsQuery, ratingsSummaryQuery } from '@candor/protocol/schemas';
import type { z } from 'zod';
import { hoursView, readInboxHours, setInboxHours } from '../../commands/hours/inbox-hours';
import { listRatings } from '../../commands/satisfaction/list-ratings';
import { summarizeInboxRatings } from '../../commands/satisfaction/summarize-ratings';
import { DomainError } from '../../domain/errors';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

export function satisfactionRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .get('/ratings', async (c) => {
      const q = parseQuery(ratingsQuery, c.req.query());
      return c.json(
        await listRatings(ctx, c.get('session').actor, {
          limit: q.limit,
          ...filterOf(q),
          ...(q.conversation === undefined ? {} : { conversationId: q.conversation }),
          ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
        }),
      );
    })
    .get('/ratings/summary', async (c) => {
      const q = parseQuery(ratingsSummaryQuery, c.req.query());
      return c.json({ summary: await summarizeInboxRatings(ctx, c.get('session').actor, filterOf(q)) });
    })
    .get('/inboxes/:id/hours', async (c) =>
      c.json(hoursView(ctx, await readInboxHours(ctx, c.get('session').actor, c.req.param('id')))),
    )
    .put('/inboxes/:id/hours', async (c) => {
      const { hours } = await parseBody(c, putInboxHoursBody);
      const stored = await setInboxHours(ctx, c.get('session').actor, c.req.param('id'), hours);
      deps.log.info({ inboxId: c.req.param('id'), by: c.get('session').agent.id }, 'business hours changed');
      return c.json(hoursView(ctx, stored));
    });
}

function parseQuery<S extends z.ZodType>(schema: S, raw: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError(
      'bad_frame',
      `Invalid query: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** The report's filters, from the query's names to the commands'. */
function filterOf(q: z.infer<typeof ratingsSummaryQuery>) {
  return {
    ...(q.inbox === undefined ? {} : { inboxId: q.inbox }),
    ...(q.agent === undefined ? {} : { agentId: q.agent }),
    ...(q.from === undefined ? {} : { from: Date.parse(q.from) }),
    ...(q.to === undefined ? {} : { to: Date.parse(q.to) }),
  };
}
