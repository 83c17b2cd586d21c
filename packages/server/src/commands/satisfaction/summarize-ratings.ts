/**
 * GET /api/v1/ratings/summary: the ratings report for admins (it compares agents), counted by the store
 * and folded by domain/satisfaction/rating-summary.ts, over the inboxes the admin works in.
 */
import type { RatingsSummary } from '@candor/protocol';
import { assertAdmin } from '../../domain/access';
import { summarizeRatings } from '../../domain/satisfaction/rating-summary';
import type { Actor } from '../../domain/types';
import type { ChatContext } from '../context';

export interface RatingsSummaryRequest {
  inboxId?: string;
  agentId?: string;
  from?: number;
  to?: number;
}

export async function summarizeInboxRatings(
  ctx: ChatContext,
  actor: Actor,
  req: RatingsSummaryRequest,
): Promise<RatingsSummary> {
  assertAdmin(actor);
  if (actor.kind !== 'agent') return summarizeRatings([]);
  const inboxIds =
    req.inboxId === undefined ? actor.inboxIds : actor.inboxIds.filter((i) => i === req.inboxId);
  const counts = await ctx.store.countRatings({
    inboxIds,
    ...(req.agentId === undefined ? {} : { agentId: req.agentId }),
    ...(req.from === undefined ? {} : { from: req.from }),
    ...(req.to === undefined ? {} : { to: req.to }),
  });
  return summarizeRatings(counts);
}
