/**
 * Limits that hold across nodes: the rules only. The store keeps one small state per key and swaps it
 * atomically (see limits/shared-limit.ts); these functions say, from the state as stored and the time,
 * whether one more attempt may go and what the state becomes. No I/O.
 */

/** What the store keeps per key. Times are epoch milliseconds. */
export interface LimitState {
  /** Attempts counted in the current window (fixed window) or since the last quiet spell (backoff). */
  hits: number;
  windowStart: number;
  /** Backoff: no attempt before this time. */
  blockedUntil: number;
  /** After this time the state means nothing any more and may be deleted. */
  expiresAt: number;
}

export type LimitDecision = { ok: true; next: LimitState } | { ok: false; retryAfterMs: number };

/** A rule: from the stored state (undefined: none) and the time, the decision for one more attempt. */
export type LimitRule = (state: LimitState | undefined, now: number) => LimitDecision;

/** At most `limit` attempts per fixed window of `windowMs`; the window starts at its first attempt. */
export function fixedWindow({ limit, windowMs }: { limit: number; windowMs: number }): LimitRule {
  return (state, now) => {
    if (state === undefined || now >= state.windowStart + windowMs) {
      return { ok: true, next: { hits: 1, windowStart: now, blockedUntil: 0, expiresAt: now + windowMs } };
    }
    if (state.hits >= limit) return { ok: false, retryAfterMs: state.windowStart + windowMs - now };
    return { ok: true, next: { ...state, hits: state.hits + 1 } };
  };
}

export interface BackoffPolicy {
  /** Attempts allowed back to back before the first block. */
  free: number;
  /** The first block; each further attempt doubles it. */
  baseMs: number;
  maxMs: number;
  /** Attempts are forgotten this long after the last block ends. */
  forgetMs: number;
}

/** How long to block after the `hits`-th attempt: nothing for the free ones, then doubling, capped. */
export function backoffDelay(hits: number, policy: BackoffPolicy): number {
  if (hits < policy.free) return 0;
  const doublings = Math.min(hits - policy.free, 30); // 2^30 is past any sensible cap already
  return Math.min(policy.baseMs * 2 ** doublings, policy.maxMs);
}

/**
 * Growing delays: every attempt is counted when it starts (so parallel guesses cannot all slip
 * through before the first failure is written); one that succeeds is given back by `refund` or the
 * key is cleared. An attempt while blocked is refused and not counted.
 */
export function backoff(policy: BackoffPolicy): LimitRule {
  return (state, now) => {
    const live = state !== undefined && now < state.expiresAt ? state : undefined;
    if (live && now < live.blockedUntil) return { ok: false, retryAfterMs: live.blockedUntil - now };
    const hits = (live?.hits ?? 0) + 1;
    const blockedUntil = now + backoffDelay(hits, policy);
    return {
      ok: true,
      next: {
        hits,
        windowStart: live?.windowStart ?? now,
        blockedUntil,
        expiresAt: blockedUntil + policy.forgetMs,
      },
    };
  };
}

/** Gives back one attempt that turned out legitimate (a successful login), lifting a block it caused. */
export function refund(state: LimitState, policy: BackoffPolicy): LimitState {
  const hits = Math.max(0, state.hits - 1);
  return { ...state, hits, blockedUntil: backoffDelay(hits, policy) === 0 ? 0 : state.blockedUntil };
}
