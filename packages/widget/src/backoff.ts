/**
 * Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2^attempt)], so a server
 * restart is not met by every widget reconnecting in the same instant.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000, random: Math.random };

export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  // Capping the exponent keeps 2^attempt finite however long the outage lasts.
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(options.random() * ceiling);
}

export interface Backoff {
  next(): number;
  reset(): void;
}

export function createBackoff(options: Partial<BackoffOptions> = {}): Backoff {
  const opts = { ...DEFAULT_BACKOFF, ...options };
  let attempt = 0;
  return {
    next: () => backoffDelay(attempt++, opts),
    reset: () => {
      attempt = 0;
    },
  };
}
