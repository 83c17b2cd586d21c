/** GET /api/v1/search: see commands/search-conversations.ts. */
import { Hono } from 'hono';
import { searchQuery } from '@candor/protocol/schemas';
import { searchConversations } from '../../commands/search-conversations';
import { DomainError } from '../../domain/errors';
import { normaliseTag } from '../../domain/tags';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

export function searchRoutes(deps: HttpDeps) {
  return new Hono<HttpEnv>().use(requireAgent(deps)).get('/', async (c) => {
    const parsed = searchQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DomainError(
        'bad_frame',
        `Invalid query: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
      );
    }
    const { q, status, assigneeId, team, from, to, limit, cursor } = parsed.data;
    const tag = parsed.data.tag === undefined ? undefined : normaliseTag(parsed.data.tag);
    const response = await searchConversations(deps.ctx, c.get('session').actor, {
      q,
      limit,
      ...(status === undefined ? {} : { status }),
      ...(assigneeId === undefined ? {} : { assigneeId: assigneeId === 'none' ? null : assigneeId }),
      ...(team === undefined ? {} : { teamId: team }),
      ...(tag === undefined ? {} : { tag }),
      ...(from === undefined ? {} : { from: Date.parse(from) }),
      ...(to === undefined ? {} : { to: Date.parse(to) }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    return c.json(response);
  });
}
