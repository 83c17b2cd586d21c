import { LIMITS } from '@candor/protocol';

interface DraftState {
  latest: string;
  /** What agents were last shown: '' when nothing. */
  shown: string;
  lastSentAt: number;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Coalesces one visitor socket's drafts per conversation: the latest text wins and goes out at most
 * LIMITS.draftsPerSecond times a second (the first at once, the rest on a trailing timer). Drafts live
 * only here, in memory, for the time it takes to relay them.
 */
export class DraftRelay {
  private readonly drafts = new Map<string, DraftState>();
  private readonly intervalMs = 1000 / LIMITS.draftsPerSecond;

  constructor(
    private readonly publish: (conversationId: string, text: string) => void,
    private readonly now: () => number,
  ) {}

  update(conversationId: string, text: string): void {
    let state = this.drafts.get(conversationId);
    if (!state) {
      state = { latest: text, shown: '', lastSentAt: -Infinity, timer: undefined };
      this.drafts.set(conversationId, state);
    }
    state.latest = text;
    if (state.timer) return; // the trailing flush will carry the latest text
    const now = this.now();
    const slot = state.lastSentAt + this.intervalMs;
    if (slot <= now) return this.flush(conversationId, state, now);
    const pending = state;
    // The next slot is on a fixed grid: a timer that fires late must not push every later slot
    // back, or a visitor typing at exactly the relay's rate sees delays grow and drafts merge away.
    state.timer = setTimeout(() => this.flush(conversationId, pending, slot), slot - now);
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
    for (const conversationId of [...this.drafts.keys()]) this.clear(conversationId);
  }

  private flush(conversationId: string, state: DraftState, slot: number): void {
    state.timer = undefined;
    if (state.latest === state.shown) return;
    state.shown = state.latest;
    state.lastSentAt = slot;
    this.publish(conversationId, state.latest);
  }
}
