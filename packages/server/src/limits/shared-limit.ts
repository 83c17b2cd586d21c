/**
 * Takes one attempt of a limit held in the store, so it holds across nodes: read the key's state, let
 * the rule decide, and swap the new state in only if nobody changed it meanwhile; otherwise read again.
 * Every lost swap means another writer won one, so the loop always progresses; under a flood on one key
 * it gives up after a few rounds and refuses, which is the safe answer.
 */
import type { LimitRule, LimitState } from '../domain/rate-limits';
import type { RateStore } from '../storage/rate-store';

const MAX_ROUNDS = 16;
/** What a refused attempt is told when it lost every round to other writers of the same key. */
const CONTENDED_RETRY_MS = 1000;

export type SlotResult = { ok: true } | { ok: false; retryAfterMs: number };

export async function takeSlot(
  store: RateStore,
  key: string,
  decide: { rule: LimitRule; now: number },
): Promise<SlotResult> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const stored = await store.readLimit(key);
    const decision = decide.rule(stored, decide.now);
    if (!decision.ok) return { ok: false, retryAfterMs: Math.max(1, Math.ceil(decision.retryAfterMs)) };
    if (await store.swapLimit(key, stored?.version ?? 0, decision.next)) return { ok: true };
  }
  return { ok: false, retryAfterMs: CONTENDED_RETRY_MS };
}

/** Changes a key's state in place (e.g. gives back an attempt); nothing if the key is absent. */
export async function amendSlot(
  store: RateStore,
  key: string,
  change: (state: LimitState) => LimitState,
): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const stored = await store.readLimit(key);
    if (stored === undefined) return;
    const { version, ...state } = stored;
    if (await store.swapLimit(key, version, change(state))) return;
  }
}
