/**
 * Who may rate a conversation, and what a rating holds. The visitor rates their own conversation once
 * per resolution: only while it is resolved, and the resolution is the number of times it was resolved,
 * so a conversation reopened and resolved again may be rated again. The store's unique index refuses a
 * second rating of the same resolution (see migration 0015).
 */
import { SATISFACTION_LIMITS } from '@candor/protocol';
import { DomainError } from '../errors';
import type { Actor, ConversationRecord } from '../types';

export interface RatingDecision {
  resolution: number;
  score: number;
  comment: string;
}

export function decideRating(
  actor: Actor,
  conversation: ConversationRecord,
  input: { score: number; comment?: string | undefined; resolutions: number },
): RatingDecision {
  if (actor.kind !== 'visitor' || actor.visitorId !== conversation.visitorId)
    throw new DomainError('forbidden', 'Only the visitor of a conversation rates it.');
  if (conversation.status !== 'resolved' || input.resolutions < 1)
    throw new DomainError('conflict', 'Only a resolved conversation can be rated.');
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5)
    throw new DomainError('bad_frame', 'A rating is a whole number from 1 to 5.');
  const comment = (input.comment ?? '').trim();
  if (comment.length > SATISFACTION_LIMITS.commentMax)
    throw new DomainError('too_large', `A comment is at most ${SATISFACTION_LIMITS.commentMax} characters.`);
  return { resolution: input.resolutions, score: input.score, comment };
}

export const ALREADY_RATED = 'This resolution of the conversation was rated already.';
