/**
 * What every simulated client does like the widget and the console: stay connected to ANY node (pick one
 * at random, back off on failure, resume after a drop), and deliver an outbox in order, one message at a
 * time, resending the same clientKey after a drop, a timeout or a retryable error until it is acked.
 */
import { randomUUID } from 'node:crypto';
import { RETRYABLE_ERRORS, type Message, type ServerFrame } from '@candor/protocol';
import type { Ledger } from './ledger';
import type { Link, SendMode } from './ws-link';
import { sleep } from './wait';

export interface PeerEnv {
  /** ws:// base URLs of every node, dead or alive: a client cannot tell until it tries. */
  urls: readonly string[];
  ledger: Ledger;
  /** Set when the run gives up: loops end, outboxes keep what is left. */
  stopped: () => boolean;
  ackTimeoutMs: number;
}

export interface OutboxEntry {
  clientKey: string;
  body: string;
  /** null: a visitor's first message (their open conversation, or a new one). */
  conversationId: string | null;
  attempts: number;
}

/** A message the server acknowledged, as the ack described it. */
export interface Acked {
  sender: string;
  /** Position in the sender's own sending order. */
  order: number;
  clientKey: string;
  body: string;
  message: Message;
}

export function entry(body: string, conversationId: string | null): OutboxEntry {
  return { clientKey: randomUUID(), body, conversationId, attempts: 0 };
}

export function backoffMs(attempt: number, capMs = 2_000): number {
  return Math.min(capMs, 50 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

export abstract class Peer {
  protected link: Link | undefined;
  private connecting: Promise<Link | undefined> | undefined;
  private armed: SendMode | undefined;
  private everConnected = false;
  readonly outbox: OutboxEntry[] = [];
  readonly acked: Acked[] = [];
  /** The node of the first connection; later ones go to any node. */
  home: string | undefined;

  constructor(
    readonly name: string,
    protected readonly env: PeerEnv,
  ) {}

  /** Role-specific: open a Link to this node, say hello, take in the welcome. */
  protected abstract open(baseWsUrl: string): Promise<Link>;
  /** Every frame from the server (replies too), in arrival order. */
  protected abstract event(frame: ServerFrame): void;

  /** The next message this peer sends goes out as a fault. */
  armCut(mode: Exclude<SendMode, 'whole'>): void {
    this.armed = mode;
  }

  /** The current link, or a new one to any node; undefined only once the run stopped. */
  connected(): Promise<Link | undefined> {
    if (this.link && !this.link.closed) return Promise.resolve(this.link);
    return (this.connecting ??= this.reconnect().finally(() => (this.connecting = undefined)));
  }

  /** Sends the head of the outbox until it is acked; false if the run stopped first or it was refused. */
  protected async deliver(e: OutboxEntry): Promise<boolean> {
    const { ledger } = this.env;
    let retries = 0;
    while (!this.env.stopped()) {
      const link = await this.connected();
      if (!link) return false;
      const mode = this.armed ?? 'whole';
      this.armed = undefined;
      if (++e.attempts > 1) ledger.count('resend');
      const sentAt = Date.now();
      const frame = {
        type: 'message.send',
        conversationId: e.conversationId,
        clientKey: e.clientKey,
        body: e.body,
      };
      const outcome = await link.request(frame, this.env.ackTimeoutMs, mode);
      if (mode !== 'whole') ledger.count(`cut ${mode}`);
      if (outcome.kind === 'timeout') {
        ledger.count('ack timeout');
        link.terminate();
      } else if (outcome.kind === 'closed') {
        if (mode === 'whole') ledger.count('dropped while sending');
      } else if (outcome.frame.type === 'ack' && outcome.frame.message) {
        this.acknowledged(e, outcome.frame.message, sentAt);
        return true;
      } else if (outcome.frame.type === 'error' && RETRYABLE_ERRORS.includes(outcome.frame.code)) {
        ledger.count(`retryable ${outcome.frame.code}`);
        await sleep(backoffMs(retries++));
      } else {
        const what = outcome.frame.type === 'error' ? outcome.frame.code : outcome.frame.type;
        ledger.count(`refused ${what}`);
        ledger.violation(`${this.name}: message ${e.clientKey} refused with ${what}`);
        return false;
      }
    }
    return false;
  }

  /** Called with every ack; visitors learn their conversation from the first one. */
  protected acknowledged(e: OutboxEntry, message: Message, sentAt: number): void {
    const { ledger } = this.env;
    ledger.count('ack');
    if (e.attempts > 1 && message.createdAt < sentAt) ledger.count('ack of an earlier attempt');
    if (message.clientKey !== e.clientKey || message.body !== e.body) {
      ledger.violation(`${this.name}: ack for ${e.clientKey} carries another message (${message.clientKey})`);
    }
    if (e.conversationId !== null && message.conversationId !== e.conversationId) {
      ledger.violation(`${this.name}: ack for ${e.clientKey} names conversation ${message.conversationId}`);
    }
    this.acked.push({
      sender: this.name,
      order: this.acked.length,
      clientKey: e.clientKey,
      body: e.body,
      message,
    });
  }

  private async reconnect(): Promise<Link | undefined> {
    const { ledger, urls } = this.env;
    for (let attempt = 0; !this.env.stopped(); attempt++) {
      const url = this.home ?? urls[Math.floor(Math.random() * urls.length)]!;
      this.home = undefined;
      try {
        const link = await this.open(url);
        link.listen((frame) => this.event(frame));
        this.link = link;
        ledger.count(this.everConnected ? 'reconnect' : 'connect');
        this.everConnected = true;
        this.connectedTo(link);
        return link;
      } catch (err) {
        ledger.count(`connect failed: ${reason(err)}`);
        await sleep(backoffMs(attempt));
      }
    }
    return undefined;
  }

  /** A new link is up: agents subscribe again here. */
  protected connectedTo(_link: Link): void {}

  close(): void {
    this.link?.close();
  }
}

function reason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/ECONNREFUSED/.test(text)) return 'refused';
  if (/ECONNRESET|socket hang up/.test(text)) return 'reset';
  return text.replace(/[0-9a-f-]{36}/g, '…').slice(0, 40);
}
