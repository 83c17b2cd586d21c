import { LIMITS } from '@candor/protocol';

interface DraftState {
  latest: string;
  /** What agents were last shown: '' when nothing. */
  shown: string;
  /** Relays allowed now (a token bucket: up to LIMITS.draftBurst, refilled at the draft rate). */
  tokens: number;
  refilledAt: number;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Coalesces one visitor socket's drafts per conversation: the latest text wins and goes out at most
 * LIMITS.draftsPerSecond times a second on average. A token bucket rather than fixed slots: with slots,
 * a draft that arrived late moved every later slot with it, so a visitor typing at exactly the rate saw
 * each later draft held back by that lateness, for good. With a burst of two, drafts paced at the rate
 * go out as they arrive; faster typing is held on a trailing timer that carries the latest text.
 * Drafts live only here, in memory, for the time it takes to relay them.
 */
export class DraftRelay {
  private readonly drafts = new Map<string, DraftState>();

  constructor(
    private readonly publish: (conversationId: string, text: string) => void,
    private readonly now: () => number,
  ) {}

  update(conversationId: string, text: string): void {
    const now = this.now();
    let state = this.drafts.get(conversationId);
    if (!state) {
      state = { latest: text, shown: '', tokens: LIMITS.draftBurst, refilledAt: now, timer: undefined };
      this.drafts.set(conversationId, state);
    }
    state.latest = text;
    if (state.timer) return; // the trailing flush will carry the latest text
    refill(state, now);
    if (state.tokens >= 1) return this.flush(conversationId, state);
    const pending = state;
    const waitMs = Math.ceil((1 - state.tokens) * INTERVAL_MS);
    state.timer = setTimeout(() => {
      pending.timer = undefined;
      refill(pending, this.now());
      this.flush(conversationId, pending);
    }, waitMs);
    state.timer.unref();
  }

  /** Sent, switched off, or gone: clear the agents' view now; nothing pending goes out afterwards. */
  clear(conversationId: string): void {
    const state = this.drafts.get(conversationId);
    if (!state) return;
    clearTimeout(state.timer);
    this.drafts.delete(conversationId);
    if (state.shown !== '') this.publish(conversationId, '');
  }

  clearAll(): void {
    this.clearWhere(() => true);
  }

  /** Clears the drafts of the conversations `which` picks (e.g. those of an inbox turned off). */
  clearWhere(which: (conversationId: string) => boolean): void {
    for (const conversationId of [...this.drafts.keys()])
      if (which(conversationId)) this.clear(conversationId);
  }

  private flush(conversationId: string, state: DraftState): void {
    if (state.latest === state.shown) return;
    // A timer may fire a hair early on a coarse clock: the bucket goes slightly below zero and the
    // next wait is that much longer, so the average rate holds.
    state.tokens -= 1;
    state.shown = state.latest;
    this.publish(conversationId, state.latest);
  }
}

const INTERVAL_MS = 1000 / LIMITS.draftsPerSecond;

function refill(state: DraftState, now: number): void {
  const elapsed = now - state.refilledAt;
  if (elapsed <= 0) return;
  state.tokens = Math.min(LIMITS.draftBurst, state.tokens + elapsed / INTERVAL_MS);
  state.refilledAt = now;
}
