/**
 * When a webhook delivery is tried again, and what an answer means. Exponential backoff with full
 * jitter (AWS's "full jitter": a random delay up to the doubling cap), so endpoints that were down
 * together are not hit together when they come back; after the last try the delivery is given up and
 * left visible. A 410 Gone means the endpoint asks not to be called again: it is disabled.
 */

export const SCHEDULE = {
  firstDelayMs: 10_000,
  maxDelayMs: 4 * 60 * 60_000,
  /** Tries in all, the first included: retries spread over up to about 18 hours. */
  maxAttempts: 15,
} as const;

export type DeliveryOutcome =
  { kind: 'delivered' } | { kind: 'retry'; at: number } | { kind: 'given_up' } | { kind: 'endpoint_gone' };

/**
 * `attempts`: tries made so far, this one included; `status`: the HTTP status, or undefined when there
 * was none (refused, timed out, address not allowed); `random` in [0, 1).
 */
export function afterAttempt(
  attempts: number,
  status: number | undefined,
  now: number,
  random: number,
): DeliveryOutcome {
  if (status !== undefined && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'endpoint_gone' };
  if (attempts >= SCHEDULE.maxAttempts) return { kind: 'given_up' };
  const cap = Math.min(SCHEDULE.maxDelayMs, SCHEDULE.firstDelayMs * 2 ** Math.min(attempts - 1, 30));
  const delay = Math.max(1_000, Math.floor(cap * Math.min(Math.max(random, 0), 0.999_999)));
  return { kind: 'retry', at: now + delay };
}
