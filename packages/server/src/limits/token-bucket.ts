/**
 * Token bucket: `burst` actions at once, refilled at `perSecond`. Used for frames per connection and
 * drafts per conversation (limits across nodes live in the store: limits/shared-limit.ts). Time is
 * passed in so the rule is testable without waiting.
 *
 * The state is one number, so a holder of many buckets (one per socket) keeps no object per bucket:
 * the time at which the bucket is full again (GCRA's "theoretical arrival time"); 0, or any time
 * past, means full. The bucket then holds `burst - (fullAt - now) / interval` tokens.
 */

/** Takes a token: the new `fullAt`, or undefined when the bucket is empty (nothing changes then). */
export function takeToken(fullAt: number, now: number, perSecond: number, burst: number): number | undefined {
  const interval = 1000 / perSecond;
  const next = Math.max(fullAt, now) + interval;
  return next - now > burst * interval ? undefined : next;
}
