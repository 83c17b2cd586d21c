/**
 * conversation.rate: the visitor rates the resolution they just saw. Load, decide, write once (the
 * store refuses a second rating of the same resolution), then a line in the activity trail, which is
 * how agents see the rating on the conversation, live.
 */
import { randomUUID } from 'node:crypto';
import type { RateFrame, Rating } from '@candor/protocol';
import { DomainError } from '../../domain/errors';
import { ALREADY_RATED, decideRating } from '../../domain/satisfaction/rating';
import type { Actor } from '../../domain/types';
import type { RatingRecord } from '../../storage/satisfaction-store';
import type { ChatContext } from '../context';
import { loadReadable } from '../load-conversation';
import { recordActivity } from '../record-activity';

export async function rateConversation(ctx: ChatContext, actor: Actor, frame: RateFrame): Promise<Rating> {
  const conversation = await loadReadable(ctx, actor, frame.conversationId);
  const resolutions = await ctx.store.countResolutions(conversation.id);
  const decision = decideRating(actor, conversation, { ...frame, resolutions });
  const record: RatingRecord = {
    id: randomUUID(),
    conversationId: conversation.id,
    inboxId: conversation.inboxId,
    visitorId: conversation.visitorId,
    ...decision,
    createdAt: ctx.now(),
  };
  if (!(await ctx.store.addRating(record))) throw new DomainError('conflict', ALREADY_RATED);
  await recordActivity(ctx, {
    conversationId: conversation.id,
    kind: 'rated',
    actor: { type: 'visitor', id: conversation.visitorId },
    detail: { score: String(decision.score), comment: decision.comment },
  });
  return presentRating(record);
}

export function presentRating(r: RatingRecord): Rating {
  return {
    id: r.id,
    conversationId: r.conversationId,
    inboxId: r.inboxId,
    resolution: r.resolution,
    score: r.score,
    comment: r.comment,
    createdAt: r.createdAt,
  };
}
