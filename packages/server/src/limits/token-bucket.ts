/**
 * Token bucket: `burst` actions at once, refilled at `perSecond`. Used for frames per connection and
 * login attempts. Time is passed in so the rule is testable without waiting.
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

export class TokenBucket {
  private fullAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.fullAt = now;
  }

  take(now: number): boolean {
    const fullAt = takeToken(this.fullAt, now, this.perSecond, this.burst);
    if (fullAt === undefined) return false;
    this.fullAt = fullAt;
    return true;
  }
}

/** One bucket per key (e.g. an IP), forgotten once full again so the map stays small. */
export class KeyedLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  take(key: string, now: number): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size > 100_000) this.buckets.clear(); // bounded under a flood of keys
      bucket = new TokenBucket(this.perSecond, this.burst, now);
      this.buckets.set(key, bucket);
    }
    return bucket.take(now);
  }
}
