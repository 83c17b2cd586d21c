/** GET /api/v1/ratings: ratings of the inboxes the agent works in, newest first, page by page. */
import type { RatingsResponse } from '@candor/protocol';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/types';
import type { ChatContext } from '../context';
import { presentRating } from './rate-conversation';

export interface RatingsRequest {
  inboxId?: string;
  /** The rated conversation's assignee. */
  agentId?: string;
  conversationId?: string;
  from?: number;
  to?: number;
  cursor?: string;
  limit: number;
}

export async function listRatings(
  ctx: ChatContext,
  actor: Actor,
  req: RatingsRequest,
): Promise<RatingsResponse> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Agents only.');
  const inboxIds =
    req.inboxId === undefined ? actor.inboxIds : actor.inboxIds.filter((i) => i === req.inboxId);
  const after = req.cursor === undefined ? undefined : readCursor(req.cursor);
  const records = await ctx.store.listRatings({
    inboxIds,
    ...(req.conversationId === undefined ? {} : { conversationId: req.conversationId }),
    ...(req.agentId === undefined ? {} : { agentId: req.agentId }),
    ...(req.from === undefined ? {} : { from: req.from }),
    ...(req.to === undefined ? {} : { to: req.to }),
    ...(after ? { after } : {}),
    limit: req.limit + 1,
  });
  const page = records.slice(0, req.limit);
  const last = page.at(-1);
  return {
    ratings: page.map(presentRating),
    nextCursor: records.length > req.limit && last ? writeCursor(last) : null,
  };
}

function writeCursor(r: { createdAt: number; id: string }): string {
  return Buffer.from(JSON.stringify([r.createdAt, r.id])).toString('base64url');
}

function readCursor(cursor: string): { createdAt: number; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && Number.isSafeInteger(value[0]) && typeof value[1] === 'string')
      return { createdAt: value[0] as number, id: value[1] };
  } catch {
    // Falls through to the refusal below.
  }
  throw new DomainError('bad_frame', 'Invalid cursor: pass back nextCursor as it was given.');
}
