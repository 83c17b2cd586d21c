import { Hono } from 'hono';
import { z } from 'zod';
import { LIMITS, TOOL_LIMITS } from '@candor/protocol';
import { normaliseTag } from '../../domain/tags';
import { sendMessageBody } from '@candor/protocol/schemas';
import { DomainError } from '../../domain/errors';
import { sendMessage } from '../../commands/send-message';
import { assign, setStatus } from '../../commands/change-conversation';
import { history, listInbox } from '../../commands/read-conversations';
import { contactOf } from '../../commands/contacts/contact-view';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';
import { conversationToolRoutes } from './agent-tools-routes';
import { conversationRecoveryRoutes } from './recovery-routes';

const listQuery = z.object({
  view: z.enum(['new', 'mine', 'all']).default('all'),
  status: z.enum(['open', 'resolved']).optional(),
  tag: z
    .string()
    .max(TOOL_LIMITS.tagLengthMax * 2)
    .optional(),
  team: z.string().min(1).max(64).optional(),
});
const pageQuery = z.object({
  after: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1) // seqs are 32-bit integers in the store
    .default(0),
  limit: z.coerce.number().int().min(1).max(LIMITS.historyPageMax).default(100),
});
const assignBody = z.object({ agentId: z.string().min(1).max(64).nullable() });

function query<S extends z.ZodType>(schema: S, input: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new DomainError('bad_frame', `Invalid query: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export function conversationRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .route('/', conversationToolRoutes(deps))
    .route('/', conversationRecoveryRoutes(deps))
    .get('/', async (c) => {
      const q = query(listQuery, c.req.query());
      const tag = q.tag === undefined ? undefined : normaliseTag(q.tag);
      return c.json(
        await listInbox(ctx, c.get('session').actor, q.view, {
          ...(q.status ? { status: q.status } : {}),
          ...(tag === undefined ? {} : { tag }),
          ...(q.team === undefined ? {} : { teamId: q.team }),
        }),
      );
    })
    .get('/:id', async (c) => {
      const page = await history(ctx, c.get('session').actor, c.req.param('id'), { afterSeq: 0, limit: 1 });
      return c.json({ conversation: page.conversation });
    })
    .get('/:id/contact', async (c) =>
      c.json({ contact: await contactOf(ctx, c.get('session').actor, c.req.param('id')) }),
    )
    .get('/:id/messages', async (c) => {
      const q = query(pageQuery, c.req.query());
      const page = await history(ctx, c.get('session').actor, c.req.param('id'), {
        afterSeq: q.after,
        limit: q.limit,
      });
      return c.json({ messages: page.messages, complete: page.complete });
    })
    .post('/:id/messages', async (c) => {
      const body = await parseBody(c, sendMessageBody);
      const result = await sendMessage(ctx, c.get('session').actor, {
        ...body,
        conversationId: c.req.param('id'),
      });
      return c.json(
        { message: result.message, conversation: result.conversation },
        result.created ? 201 : 200,
      );
    })
    .post('/:id/resolve', async (c) =>
      c.json({ conversation: await setStatus(ctx, c.get('session').actor, c.req.param('id'), 'resolved') }),
    )
    .post('/:id/reopen', async (c) =>
      c.json({ conversation: await setStatus(ctx, c.get('session').actor, c.req.param('id'), 'open') }),
    )
    .post('/:id/assign', async (c) => {
      const body = await parseBody(c, assignBody);
      return c.json({
        conversation: await assign(ctx, c.get('session').actor, c.req.param('id'), body.agentId),
      });
    });
}
