/**
 * Takes one attempt of a limit held in the store, so it holds across nodes: the store reads the key's
 * state, the rule decides, and the store writes the new state, with no other writer in between (see
 * RateStore.decideLimit). A burst on one key waits its turn; none is refused for losing a race.
 */
import type { LimitRule, LimitState } from '../domain/rate-limits';
import type { RateStore } from '../storage/rate-store';

export type SlotResult = { ok: true } | { ok: false; retryAfterMs: number };

export function takeSlot(
  store: RateStore,
  key: string,
  decide: { rule: LimitRule; now: number },
): Promise<SlotResult> {
  return store.decideLimit<SlotResult>(key, (stored) => {
    const decision = decide.rule(stored, decide.now);
    if (!decision.ok) {
      return { result: { ok: false, retryAfterMs: Math.max(1, Math.ceil(decision.retryAfterMs)) } };
    }
    return { next: decision.next, result: { ok: true } };
  });
}

/** Changes a key's state in place (e.g. gives back an attempt); nothing if the key is absent. */
export function amendSlot(
  store: RateStore,
  key: string,
  change: (state: LimitState) => LimitState,
): Promise<void> {
  return store.decideLimit<void>(key, (stored) =>
    stored === undefined ? { result: undefined } : { next: change(stored), result: undefined },
  );
}
