/**
 * GET /api/v1/search: full text over every conversation the agent may see (the inboxes of their actor,
 * as inbox lists), with the matching messages' snippets and where the words are in them. Limited per
 * agent in the store (a search reads a lot), so the limit holds across nodes.
 */
import type { ConversationStatus, SearchResponse } from '@candor/protocol';
import { DomainError } from '../domain/errors';
import { fixedWindow } from '../domain/rate-limits';
import { decodeCursor, encodeCursor } from '../domain/search/search-cursor';
import { snippetOf } from '../domain/search/search-highlight';
import { parseSearchQuery, SEARCH_LIMITS } from '../domain/search/search-query';
import type { Actor } from '../domain/types';
import { takeSlot } from '../limits/shared-limit';
import type { ChatContext } from './context';
import { presentConversations, presentMessage } from './presenters';

export const SEARCH_RATE = { limit: 30, windowMs: 10_000 };
const searchRule = fixedWindow(SEARCH_RATE);

export interface SearchInput {
  q: string;
  status?: ConversationStatus;
  /** An agent's id, or null for unassigned conversations. */
  assigneeId?: string | null;
  teamId?: string;
  /** Normalised (domain/tags.ts). */
  tag?: string;
  from?: number;
  to?: number;
  limit?: number;
  cursor?: string;
}

export async function searchConversations(
  ctx: ChatContext,
  actor: Extract<Actor, { kind: 'agent' }>,
  input: SearchInput,
): Promise<SearchResponse> {
  const terms = parseSearchQuery(input.q);
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  const slot = await takeSlot(ctx.store, `search:${actor.agentId}`, { rule: searchRule, now: ctx.now() });
  if (!slot.ok)
    throw new DomainError('rate_limited', 'Too many searches; try again shortly.', slot.retryAfterMs);
  const limit = Math.min(Math.max(1, input.limit ?? SEARCH_LIMITS.pageDefault), SEARCH_LIMITS.pageMax);
  const { status, assigneeId, teamId, tag, from, to } = input;
  const page = await ctx.store.searchConversations({
    terms,
    filter: {
      inboxIds: actor.inboxIds,
      ...(status === undefined ? {} : { status }),
      ...(assigneeId === undefined ? {} : { assigneeId }),
      ...(teamId === undefined ? {} : { teamId }),
      ...(tag === undefined ? {} : { tag }),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    },
    limit,
    ...(after === undefined ? {} : { after }),
  });
  const conversations = await presentConversations(
    ctx,
    page.hits.map((h) => h.conversation),
    actor.agentId,
  );
  const results = await Promise.all(
    page.hits.map(async (hit, i) => ({
      conversation: conversations[i]!,
      matchCount: hit.matchCount,
      matches: await Promise.all(
        hit.matches.map(async (record) => {
          const { id, seq, author, createdAt } = await presentMessage(ctx, record);
          return { messageId: id, seq, author, createdAt, snippet: snippetOf(record.body, terms) };
        }),
      ),
    })),
  );
  return { results, nextCursor: page.next === undefined ? null : encodeCursor(page.next) };
}
