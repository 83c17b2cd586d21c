/**
 * Runs routing passes: after anything that can move a queue (a new conversation, one resolved or put
 * back, an agent online or with room again, a priority or a setting changed). The pass is decided in the
 * store (storage/routing-queries.ts) through domain/routing/routing-pass.ts, so two nodes routing one
 * inbox at once agree. On one node, passes of an inbox do not pile up: while one runs, any number of
 * further changes make one more pass after it.
 */
import type { WaitEstimate } from '@candor/protocol';
import { decidePass } from '../../domain/routing/routing-pass';
import type { RoutingRule } from '../../domain/routing/routing-rule';
import { queuePosition } from '../../domain/routing/queue-order';
import { estimateWait, WAIT_WINDOW_MS } from '../../domain/routing/wait-estimate';
import { QUEUE_READ_LIMIT } from '../../storage/routing-store';
import type { ChatContext } from '../context';
import { presentConversation } from '../presenters';
import { assignmentActivity } from '../record-activity';
import type { RoutingSettings } from './routing-settings';

/** Samples read for the estimate; the median of the latest this many is plenty. */
const WAIT_SAMPLES = 200;
/** The estimate is re-read at most this often per inbox and node. */
const WAIT_TTL_MS = 30_000;

interface Running {
  again: boolean;
  done: Promise<void>;
}

export class InboxRouter {
  private readonly running = new Map<string, Running>();
  private readonly waits = new Map<string, { at: number; wait: WaitEstimate | null }>();

  constructor(
    private readonly ctx: () => ChatContext,
    readonly settings: RoutingSettings,
    private readonly onError: (err: unknown, what: string) => void,
    /** A rule that overrides every inbox's strategy (tests, later rules); else the inbox's own. */
    private readonly rule?: RoutingRule,
  ) {}

  /** Something moved in the inbox's queue: route it. Resolves after a pass that saw the change. */
  changed(inboxId: string): Promise<void> {
    const running = this.running.get(inboxId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const state: Running = { again: false, done: Promise.resolve() };
    state.done = (async () => {
      try {
        do {
          state.again = false;
          await this.pass(inboxId).catch((err: unknown) => this.onError(err, 'routing pass'));
        } while (state.again);
      } finally {
        this.running.delete(inboxId);
      }
    })();
    this.running.set(inboxId, state);
    return state.done;
  }

  /** Not awaited by the caller: routing never holds up the command that caused it. */
  soon(inboxId: string): void {
    void this.changed(inboxId);
  }

  private async pass(inboxId: string): Promise<void> {
    const ctx = this.ctx();
    const now = ctx.now();
    const settings = { now, timing: this.settings.timing, defaultCapacity: this.settings.defaultCapacity };
    const outcome = await ctx.store.routeInbox(inboxId, now, (input) =>
      decidePass(input, this.rule ? { ...settings, rule: this.rule } : settings),
    );
    for (const record of outcome.assigned) {
      const conversation = await presentConversation(ctx, record);
      ctx.emit({ type: 'conversation.updated', conversation });
      ctx.emit({
        type: 'conversation.assigned',
        conversationId: record.id,
        inboxId,
        agentId: record.assigneeId,
        byAgentId: null,
      });
      if (record.assigneeId !== null)
        await assignmentActivity(ctx, record.id, {
          agentId: record.assigneeId,
          by: { type: 'system', id: null },
        });
    }
    if (outcome.assigned.length > 0) this.waits.delete(inboxId); // new samples
    const wait = await this.wait(inboxId);
    ctx.emit({ type: 'queue.changed', inboxId, order: outcome.queue.map((q) => q.id), wait });
  }

  /** The inbox's wait estimate, read at most every WAIT_TTL_MS. */
  async wait(inboxId: string): Promise<WaitEstimate | null> {
    const ctx = this.ctx();
    const now = ctx.now();
    const cached = this.waits.get(inboxId);
    if (cached && now - cached.at < WAIT_TTL_MS) return cached.wait;
    const samples = await ctx.store.listWaitSamples(inboxId, now - WAIT_WINDOW_MS, WAIT_SAMPLES);
    const wait = estimateWait(samples, now);
    this.waits.set(inboxId, { at: now, wait });
    return wait;
  }

  /** Where one conversation stands now (position null: not waiting, or past what is read). */
  async standing(
    inboxId: string,
    conversationId: string,
  ): Promise<{ position: number | null; wait: WaitEstimate | null }> {
    const queue = await this.ctx().store.listQueue(inboxId, QUEUE_READ_LIMIT);
    const position = queuePosition(
      queue.map((q) => q.id),
      conversationId,
    );
    return { position, wait: position === null ? null : await this.wait(inboxId) };
  }
}
