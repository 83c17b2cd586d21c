/**
 * An agent like the console: follows conversations (subscribe with afterSeq = the highest seq it holds
 * without a gap, again after every reconnect), merges what it sees by seq, and now and then replies in
 * the conversations given to it. Each live stream is checked against the protocol's promise: after the
 * history page, every seq once and in order.
 */
import { RETRYABLE_ERRORS, type Message, type ServerFrame } from '@candor/protocol';
import { backoffMs, entry, Peer, type PeerEnv } from './peer';
import { sleep } from './wait';
import { Link } from './ws-link';
import { ConversationView } from './conversation-view';
import { Timing } from './timing';

/** Subscriptions in flight at once: the server queues at most 64 frames per socket. */
const WINDOW = 16;

export class SimAgent extends Peer {
  readonly views = new Map<string, ConversationView>();
  private readonly queue: string[] = [];
  /** Why each queued conversation is to be subscribed. */
  private readonly reasons = new Map<string, string>();
  /** Subscriptions sent and not answered yet: conversation id -> afterSeq. */
  private subscribing = new Map<string, number>();
  /** Per conversation, the last seq the current subscription delivered; absent until its history. */
  private streams = new Map<string, number>();
  /** How long subscriptions took to be answered. */
  readonly timing = new Timing();
  /** Conversations this agent writes in. */
  readonly replyTo: string[] = [];

  constructor(
    name: string,
    env: PeerEnv,
    private readonly cookie: string,
  ) {
    super(name, env);
  }

  follow(conversationId: string): void {
    if (this.views.has(conversationId)) return;
    this.views.set(conversationId, new ConversationView());
    this.enqueue(conversationId, 'new');
  }

  /** Stays connected until the run stops; every new link subscribes everything again. */
  async keepConnected(): Promise<void> {
    while (!this.env.stopped()) {
      const link = await this.connected();
      if (!link) return;
      await Promise.race([link.ended, sleep(500)]);
    }
  }

  /** One reply every `everyMs` in a random conversation of `replyTo`, while `writing()`. */
  async reply(everyMs: number, writing: () => boolean): Promise<void> {
    let n = 0;
    while (writing() && !this.env.stopped()) {
      await sleep(everyMs * (0.5 + Math.random()));
      const conversationId = this.replyTo[Math.floor(Math.random() * this.replyTo.length)];
      if (conversationId === undefined || !writing()) continue;
      const e = entry(`${this.name} answers #${++n}`, conversationId);
      this.outbox.push(e);
      if (!(await this.deliver(e)) && this.env.stopped()) return; // left in the outbox: reported
      this.outbox.shift();
    }
  }

  /** Subscribes again from the highest gapless seq wherever the view is behind `lastSeq`. */
  catchUp(lastSeqs: ReadonlyMap<string, number>): void {
    for (const [id, view] of this.views)
      if (view.high < (lastSeqs.get(id) ?? 0)) this.enqueue(id, 'catch-up');
  }

  /** Whether the current link streams this conversation live (its history arrived). */
  isLive(conversationId: string): boolean {
    return this.streams.has(conversationId);
  }

  /** Nothing waiting to be subscribed and no subscription without its history yet. */
  get settled(): boolean {
    return this.queue.length === 0 && this.subscribing.size === 0;
  }

  protected async open(baseWsUrl: string): Promise<Link> {
    const { link } = await Link.open(baseWsUrl, 'agent', { cookie: this.cookie, timeoutMs: 5_000 });
    return link;
  }

  protected override connectedTo(_link: Link): void {
    const queued = new Map(this.reasons); // a first connection still counts them as new
    this.streams = new Map();
    this.queue.length = 0;
    this.reasons.clear();
    this.subscribing = new Map();
    for (const id of this.views.keys()) this.enqueue(id, queued.get(id) ?? 'resume');
  }

  protected event(frame: ServerFrame): void {
    if (frame.type === 'conversation.history') {
      const id = frame.conversation.id;
      for (const m of frame.messages) this.merge(m);
      const start = frame.messages.at(-1)?.seq ?? this.subscribing.get(id);
      if (frame.complete && start !== undefined) this.streams.set(id, start);
      else this.streams.delete(id);
    } else if (frame.type === 'message.created') {
      const { message } = frame;
      const at = this.streams.get(message.conversationId);
      if (at === undefined) this.env.ledger.count('feed: live before history');
      else if (message.seq <= at) this.env.ledger.count('feed: seq delivered twice');
      else if (message.seq > at + 1) this.env.ledger.count('feed: seq skipped');
      if (at !== undefined) this.streams.set(message.conversationId, Math.max(at, message.seq));
      this.merge(message);
    }
  }

  /** `why` is counted when the subscription goes out: new, resume, next page, retry, catch-up. */
  private enqueue(conversationId: string, why: string): void {
    if (!this.reasons.has(conversationId) && !this.subscribing.has(conversationId)) {
      this.queue.push(conversationId);
      this.reasons.set(conversationId, why);
    }
    this.pump();
  }

  private pump(): void {
    const link = this.link;
    while (link && !link.closed && this.subscribing.size < WINDOW && this.queue.length > 0) {
      const id = this.queue.shift()!;
      const afterSeq = this.views.get(id)?.high ?? 0;
      this.subscribing.set(id, afterSeq);
      const sentAt = Date.now();
      this.env.ledger.count(`subscribe (${this.reasons.get(id)})`);
      this.reasons.delete(id);
      void link
        .request({ type: 'conversation.subscribe', conversationId: id, afterSeq }, this.env.ackTimeoutMs)
        .then((outcome) => {
          if (link !== this.link) return; // a reconnect started over
          this.subscribing.delete(id);
          this.timing.add(Date.now() - sentAt);
          if (outcome.kind === 'reply' && outcome.frame.type === 'conversation.history') {
            if (!outcome.frame.complete) this.enqueue(id, 'next page');
          } else if (outcome.kind === 'reply' && outcome.frame.type === 'error') {
            const { code } = outcome.frame;
            this.env.ledger.count(`subscribe ${code}`);
            if (RETRYABLE_ERRORS.includes(code)) setTimeout(() => this.enqueue(id, 'retry'), backoffMs(3));
            else this.env.ledger.violation(`${this.name}: subscribe ${id} refused with ${code}`);
          } else if (outcome.kind === 'timeout') {
            this.env.ledger.count('subscribe timeout');
            this.enqueue(id, 'retry');
          }
          this.pump();
        });
    }
  }

  private merge(message: Message): void {
    const clash = this.views.get(message.conversationId)?.add(message);
    if (clash) this.env.ledger.violation(`${this.name}: ${clash}`);
  }
}
