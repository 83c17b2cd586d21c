/**
 * The clients of a fault run: visitors (each in a conversation of their own, first spread over the
 * nodes in turn) and agents, who follow the conversations they reply in plus a share of the others.
 * The crowd starts them, arms the cuts, and stops them: first the writing, then everything.
 */
import type { FaultPlan } from './fault-plans';
import type { Acked, Peer, PeerEnv } from './peer';
import { SimAgent } from './sim-agent';
import { SimVisitor } from './sim-visitor';
import { within } from './wait';

export class Crowd {
  readonly agents: SimAgent[] = [];
  readonly visitors: SimVisitor[];
  /** Conversation id -> index of its visitor. */
  readonly conversations = new Map<string, number>();
  private readonly peers: Peer[] = [];
  private readonly writers: Promise<void>[] = [];
  private writing = true;
  private stopped = false;
  readonly env: PeerEnv;

  constructor(
    private readonly plan: FaultPlan,
    env: Omit<PeerEnv, 'stopped'>,
    private readonly cookie: string,
  ) {
    this.env = { ...env, stopped: () => this.stopped };
    this.visitors = Array.from({ length: plan.visitors }, (_, i) => this.visitor(i));
  }

  /** Whether agent `k` follows the conversation of visitor `v`: its own share, and a sample of the rest. */
  follows(k: number, v: number): boolean {
    return v % this.plan.agents === k || ((v * 7919 + k * 104729) % 1000) / 1000 < this.plan.followShare;
  }

  addAgent(home: string): void {
    const k = this.agents.length;
    const agent = new SimAgent(`agent-${k}`, this.env, this.cookie);
    agent.home = home;
    for (const [id, v] of this.conversations) if (this.follows(k, v)) agent.follow(id);
    this.agents.push(agent);
    this.peers.push(agent);
    void agent.keepConnected();
    this.writers.push(agent.reply(this.plan.replyEveryMs, () => this.writing));
  }

  /** Connects visitors 50 at a time, then lets them write. */
  async join(group: readonly SimVisitor[]): Promise<void> {
    for (let i = 0; i < group.length; i += 50)
      await Promise.all(group.slice(i, i + 50).map((v) => v.connected()));
    for (const v of group) this.writers.push(v.run());
  }

  /** Stops new messages and waits for every outbox to empty; returns the clientKeys left unacked. */
  async drain(ms: number): Promise<Set<string>> {
    this.writing = false;
    if (!(await within(Promise.all(this.writers), ms))) {
      this.stopped = true; // outboxes keep what is left
      await Promise.all(this.writers);
    }
    return new Set(this.peers.flatMap((p) => p.outbox.map((e) => e.clientKey)));
  }

  acked(): Acked[] {
    return this.peers.flatMap((p) => p.acked);
  }

  close(): void {
    this.stopped = true;
    for (const peer of this.peers) peer.close();
  }

  private visitor(i: number): SimVisitor {
    const visitor = new SimVisitor(`visitor-${i}`, this.env, {
      thinkMs: this.plan.thinkMs,
      writing: () => this.writing,
      onConversation: (id) => {
        this.conversations.set(id, i);
        this.agents.forEach((agent, k) => this.follows(k, i) && agent.follow(id));
        this.agents[i % this.plan.agents]?.replyTo.push(id);
      },
    });
    visitor.home = this.env.urls[i % this.env.urls.length];
    this.peers.push(visitor);
    return visitor;
  }
}
