import { LIMITS } from '@candor/protocol';
import { takeToken } from '../limits/token-bucket';

interface DraftState {
  latest: string;
  /** What agents were last shown: '' when nothing. */
  shown: string;
  /** The relay rate's token bucket, as the time it is full again (limits/token-bucket.ts). */
  fullAt: number;
  timer: NodeJS.Timeout | undefined;
}

const RATE = LIMITS.draftsPerSecond;
const BURST = LIMITS.draftBurst;
const INTERVAL_MS = 1000 / RATE;

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
    let state = this.drafts.get(conversationId);
    if (!state) {
      state = { latest: text, shown: '', fullAt: 0, timer: undefined };
      this.drafts.set(conversationId, state);
    }
    state.latest = text;
    if (state.timer || state.latest === state.shown) return; // a pending flush carries the latest
    const now = this.now();
    const fullAt = takeToken(state.fullAt, now, RATE, BURST);
    if (fullAt !== undefined) return this.show(conversationId, state, fullAt);
    const pending = state;
    // The next token frees when the bucket is one interval short of holding BURST - 1 more.
    const waitMs = Math.max(0, Math.ceil(state.fullAt - (BURST - 1) * INTERVAL_MS - now));
    state.timer = setTimeout(() => {
      pending.timer = undefined;
      if (pending.latest === pending.shown) return;
      // A timer may fire a hair early on a coarse clock: the token is taken all the same, and the
      // next wait is that much longer, so the average rate holds.
      this.show(conversationId, pending, Math.max(pending.fullAt, this.now()) + INTERVAL_MS);
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

  /**
   * An agent who may see drafts started following: what agents are shown goes out again, at once and
   * outside the rate (it happens once per subscribe, and subscribes are rate-limited as frames).
   */
  reshow(conversationId: string): void {
    const state = this.drafts.get(conversationId);
    if (state && state.shown !== '') this.publish(conversationId, state.shown);
  }

  clearAll(): void {
    this.clearWhere(() => true);
  }

  /** Clears the drafts of the conversations `which` picks (e.g. those of an inbox turned off). */
  clearWhere(which: (conversationId: string) => boolean): void {
    for (const conversationId of [...this.drafts.keys()])
      if (which(conversationId)) this.clear(conversationId);
  }

  private show(conversationId: string, state: DraftState, fullAt: number): void {
    state.fullAt = fullAt;
    state.shown = state.latest;
    this.publish(conversationId, state.latest);
  }
}
