/**
 * The satisfaction prompt, widget side: asked once per resolution of the conversation. This browser
 * remembers the last resolution it rated (the conversation's id and its time of resolution), and the
 * server refuses a second rating of the same one with `conflict`, which the prompt takes as done.
 */
import { SATISFACTION_LIMITS, type CommandFrame, type Conversation } from '@candor/protocol';
import type { Store } from './storage';

/** ask: the prompt; sending; done: thanked; failed: not sent, may try again. */
export type RatingPhase = 'ask' | 'sending' | 'done' | 'failed';

export interface RatingDeps {
  store: Store;
  send(frame: CommandFrame): boolean;
  conversation(): Conversation | null;
}

const RATED = 'rated';

export function createRating(deps: RatingDeps) {
  let current: { key: string; phase: RatingPhase; ref: string } | null = null;
  let refs = 0;

  const key = (): string | null => {
    const c = deps.conversation();
    return c?.status === 'resolved' ? `${c.id}@${c.updatedAt}` : null;
  };

  return {
    /** null: nothing to show (not resolved, or this resolution was rated before this page). */
    phase(): RatingPhase | null {
      const k = key();
      if (k === null) return null;
      if (current?.key === k) return current.phase;
      return deps.store.get(RATED) === k ? null : 'ask';
    },
    /** false when there is nothing to rate, the comment is too long or the link is down. */
    rate(score: number, comment: string): boolean {
      const k = key();
      const c = deps.conversation();
      const text = comment.trim();
      if (k === null || !c || text.length > SATISFACTION_LIMITS.commentMax) return false;
      const ref = `rate${++refs}`;
      const sent = deps.send({
        type: 'conversation.rate',
        ref,
        conversationId: c.id,
        score,
        ...(text ? { comment: text } : {}),
      });
      if (!sent) return false;
      current = { key: k, phase: 'sending', ref };
      return true;
    },
    /** An ack or error for our rating: true when it was ours. */
    settle(frame: { type: 'ack' | 'error'; ref?: string; code?: string }): boolean {
      if (!current || frame.ref !== current.ref) return false;
      // Rated already (another tab, or before a reload): done all the same.
      const ok = frame.type === 'ack' || frame.code === 'conflict';
      current = { ...current, phase: ok ? 'done' : 'failed' };
      if (ok) deps.store.set(RATED, current.key);
      return true;
    },
  };
}
