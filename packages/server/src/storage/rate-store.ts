/**
 * The part of the Store that limits across nodes use: one small state per key. `decideLimit` reads and
 * replaces it in one transaction that holds the key (a row lock on PostgreSQL; SQLite has one writer),
 * so two nodes counting at once cannot both take the last slot, and a burst on one key waits its turn
 * instead of losing rounds. The rules that say what the state becomes live in domain/rate-limits.ts.
 */
import type { LimitState } from '../domain/rate-limits';

export interface StoredLimit extends LimitState {
  /** Bumped by every swap; absent keys are version 0. */
  version: number;
}

/** What a rule made of a key's state: `next` is stored (omitted: the state stays), `result` returned. */
export interface LimitChange<T> {
  next?: LimitState;
  result: T;
}

export interface RateStore {
  /** Reads the key's state, lets `decide` choose, and stores its `next`, with no other writer between. */
  decideLimit<T>(key: string, decide: (stored: LimitState | undefined) => LimitChange<T>): Promise<T>;
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
