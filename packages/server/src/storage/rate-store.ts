/**
 * The part of the Store that limits across nodes use: one small state per key, replaced only by a
 * writer that saw the current version (compare and swap), so two nodes counting at once cannot both
 * take the last slot. The rules that say what the state becomes live in domain/rate-limits.ts; the
 * loop that reads, decides and swaps in limits/shared-limit.ts.
 */
import type { LimitState } from '../domain/rate-limits';

export interface StoredLimit extends LimitState {
  /** Bumped by every swap; absent keys are version 0. */
  version: number;
}

export interface RateStore {
  /** The state of a key, expired or not (rules decide what an expired one means); undefined if none. */
  readLimit(key: string): Promise<StoredLimit | undefined>;
  /**
   * Stores `next` if the key is still at `version` (0: absent) and returns true; false when another
   * writer changed it first, and nothing is written.
   */
  swapLimit(key: string, version: number, next: LimitState): Promise<boolean>;
  deleteLimit(key: string): Promise<void>;
  /** Deletes keys whose state expired before `now`, so the table cannot grow without bound. How many. */
  pruneLimits(now: number): Promise<number>;
}
