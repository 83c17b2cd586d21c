/**
 * A visitor like the widget: keeps its token, writes into its one conversation (null until the first
 * ack names it), one message at a time with a pause between, and flushes its outbox before it leaves.
 */
import type { Message, ServerFrame } from '@candor/protocol';
import { entry, Peer, type OutboxEntry, type PeerEnv } from './peer';
import { sleep } from './wait';
import { Link } from './ws-link';

export interface VisitorPlan {
  /** Pause between two messages, drawn uniformly. */
  thinkMs: readonly [number, number];
  /** Still writing new messages; once false, the visitor flushes its outbox and leaves. */
  writing: () => boolean;
  /** The first ack told which conversation this visitor writes in. */
  onConversation: (conversationId: string, visitor: SimVisitor) => void;
}

export class SimVisitor extends Peer {
  private token: string | undefined;
  private visitorId: string | undefined;
  conversationId: string | undefined;
  private written = 0;

  constructor(
    name: string,
    env: PeerEnv,
    private readonly plan: VisitorPlan,
  ) {
    super(name, env);
  }

  async run(): Promise<void> {
    const { thinkMs, writing } = this.plan;
    while (!this.env.stopped()) {
      if (this.outbox.length === 0) {
        if (!writing()) break;
        await sleep(thinkMs[0] + Math.random() * (thinkMs[1] - thinkMs[0]));
        if (!writing()) break;
        this.outbox.push(entry(`${this.name} says #${++this.written}`, this.conversationId ?? null));
      }
      const head = this.outbox[0]!;
      head.conversationId ??= this.conversationId ?? null;
      if (!(await this.deliver(head)) && this.env.stopped()) break;
      this.outbox.shift(); // acked, or refused (a violation already)
    }
    this.close();
  }

  protected async open(baseWsUrl: string): Promise<Link> {
    const { link, welcome } = await Link.open(baseWsUrl, 'visitor', {
      visitorToken: this.token,
      timeoutMs: 5_000,
    });
    const visitor = welcome.visitor;
    if (visitor?.token) this.token = visitor.token;
    if (this.visitorId !== undefined && visitor?.id !== this.visitorId) {
      this.env.ledger.violation(`${this.name}: came back as another visitor (${visitor?.id})`);
    }
    this.visitorId ??= visitor?.id;
    return link;
  }

  protected event(_frame: ServerFrame): void {
    // conversation.updated for this visitor's tabs: nothing to do for a sender
  }

  protected override acknowledged(e: OutboxEntry, message: Message, sentAt: number): void {
    super.acknowledged(e, message, sentAt);
    if (this.conversationId === undefined) {
      this.conversationId = message.conversationId;
      this.plan.onConversation(message.conversationId, this);
    } else if (message.conversationId !== this.conversationId) {
      this.env.ledger.violation(`${this.name}: message stored in another conversation`);
    }
  }
}
