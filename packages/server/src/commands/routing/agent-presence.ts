/**
 * This node's console sockets per agent, kept in the store as one presence row per agent and node
 * (domain/routing/agent-status.ts reads them): written when an agent's first socket here opens and
 * when their last one closes, and stamped by a heartbeat while any is open, so a node that dies stops
 * counting. An agent coming online here is a reason to route: they may take waiting conversations.
 * Colleagues are told (announce-status.ts) when an agent's first socket here opens, and once the away
 * grace after their last one here has passed. A node that dies tells no one: its agents turn away in
 * routing's eyes when its heartbeat goes stale, and consoles learn it when they next read statuses.
 */
import type { ChatContext } from '../context';
import { announceStatus } from './announce-status';
import { routeForAgent } from './conversation-routing';

/** After the grace, a little more, so the last heartbeat or close is surely past it. */
const GRACE_MARGIN_MS = 250;

export class AgentPresence {
  private readonly sockets = new Map<string, number>();
  /** Writes of one agent in order, so a quick close-then-open is never stored the wrong way round. */
  private readonly writes = new Map<string, Promise<void>>();
  /** Agents whose last socket here closed: when to tell colleagues they may have turned away. */
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ctx: () => ChatContext,
    private readonly nodeId: string,
    heartbeatMs: number,
    private readonly onError: (err: unknown, what: string) => void,
  ) {
    this.timer = setInterval(() => this.beat(), heartbeatMs);
    this.timer.unref();
  }

  connected(agentId: string): void {
    const count = (this.sockets.get(agentId) ?? 0) + 1;
    this.sockets.set(agentId, count);
    if (count !== 1) return;
    this.cancelGrace(agentId);
    this.write(agentId, async () => {
      const ctx = this.ctx();
      await ctx.store.setPresence(agentId, this.nodeId, 1, ctx.now());
      await routeForAgent(ctx, agentId);
      await announceStatus(ctx, agentId);
    });
  }

  disconnected(agentId: string): void {
    const count = (this.sockets.get(agentId) ?? 1) - 1;
    if (count > 0) return void this.sockets.set(agentId, count);
    this.sockets.delete(agentId);
    // The grace starts now: seenAt is the close.
    this.write(agentId, () => this.ctx().store.setPresence(agentId, this.nodeId, 0, this.ctx().now()));
    const graceMs = this.ctx().routing?.settings.timing.graceMs;
    if (graceMs === undefined) return;
    this.cancelGrace(agentId);
    const timer = setTimeout(() => {
      this.graceTimers.delete(agentId);
      this.write(agentId, async () => void (await announceStatus(this.ctx(), agentId)));
    }, graceMs + GRACE_MARGIN_MS);
    timer.unref();
    this.graceTimers.set(agentId, timer);
  }

  private cancelGrace(agentId: string): void {
    const timer = this.graceTimers.get(agentId);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.graceTimers.delete(agentId);
  }

  private write(agentId: string, work: () => Promise<void>): void {
    const next = (this.writes.get(agentId) ?? Promise.resolve())
      .then(work)
      .catch((err: unknown) => this.onError(err, 'agent presence'));
    this.writes.set(agentId, next);
    void next.finally(() => {
      if (this.writes.get(agentId) === next) this.writes.delete(agentId);
    });
  }

  private beat(): void {
    const agents = [...this.sockets.keys()];
    if (agents.length === 0) return;
    const ctx = this.ctx();
    ctx.store
      .beatPresence(this.nodeId, agents, ctx.now())
      .catch((err: unknown) => this.onError(err, 'presence beat'));
  }

  /** On shutdown: this node's agents start their grace now, rather than when the beat goes stale. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
    await Promise.all(this.writes.values());
    const agents = [...this.sockets.keys()];
    this.sockets.clear();
    const ctx = this.ctx();
    await Promise.all(
      agents.map((id) => ctx.store.setPresence(id, this.nodeId, 0, ctx.now()).catch(() => undefined)),
    );
  }
}
