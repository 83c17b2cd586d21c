/**
 * Core NATS fan-out (no JetStream: the store is the system of record): subject
 * `<prefix>.<topic with ':' as '.'>`, payload the JSON envelope. The client reconnects forever and
 * re-sends its subscriptions itself; once the server confirmed them this bus fires onResync.
 * `noEcho` keeps this connection's own publishes from coming back; origin filtering stays as the rule.
 */
import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { Bus, EnvelopeHandler } from '../bus';
import type { DomainEvent } from '../../domain/events';
import { FanOut, type BusErrorHandler } from '../fan-out';
import type { DraftSealer } from '../draft-sealer';

export interface NatsBusOptions {
  /** e.g. nats://127.0.0.1:4222, or several servers of one cluster */
  servers: string | string[];
  /** Subject prefix (dot-separated tokens), so several deployments can share one NATS. Default `candor`. */
  prefix?: string;
  onError: BusErrorHandler;
  /** Seals drafts on the wire; without it they would cross the network in clear. */
  sealer?: DraftSealer;
  /** Pause between reconnect attempts to one server. Default 2000 ms. */
  reconnectWaitMs?: number;
}

/** A subject token: no '.', no wildcards, no spaces. Topics are `kind:uuid`. */
const TOKEN = /^[A-Za-z0-9_-]+$/;
const CONFIRM_MS = 5_000;

/** Resolves once connected; rejects if no server can be reached. */
export async function openNatsBus(options: NatsBusOptions): Promise<Bus> {
  const prefix = options.prefix ?? 'candor';
  if (!prefix.split('.').every((t) => TOKEN.test(t))) throw new Error(`bad NATS subject prefix: ${prefix}`);
  const nc = await connect({
    servers: options.servers,
    name: 'candor',
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectWaitMs ?? 2_000,
    noEcho: true,
    timeout: CONFIRM_MS,
  });
  return new NatsBus(nc, { ...options, prefix });
}

export class NatsBus implements Bus {
  private readonly fan: FanOut;
  private readonly subs = new Map<string, Subscription>();
  private readonly statusLoop: Promise<void>;
  private connected = true;
  private closed = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: NatsBusOptions & { prefix: string },
  ) {
    this.fan = new FanOut(options.onError, options.sealer);
    this.statusLoop = this.watchStatus();
    void nc.closed().then((err) => {
      if (!this.closed) options.onError(err ?? new Error('connection closed'), 'nats bus');
    });
  }

  get nodeId(): string {
    return this.fan.nodeId;
  }

  onEnvelope(handler: EnvelopeHandler): void {
    this.fan.onEnvelope(handler);
  }

  onResync(handler: () => void): void {
    this.fan.onResync(handler);
  }

  publish(topic: string, event: DomainEvent): Promise<void> {
    return new Promise((resolve) => {
      this.assertOpen();
      const subject = this.subject(topic);
      const wire = this.fan.local(topic, event);
      if (!this.connected) throw new Error('nats bus disconnected: event not sent');
      this.nc.publish(subject, wire);
      resolve();
    });
  }

  async subscribe(topic: string): Promise<void> {
    this.assertOpen();
    const subject = this.subject(topic);
    this.fan.topics.add(topic);
    if (!this.subs.has(topic)) {
      const sub = this.nc.subscribe(subject, {
        callback: (err, msg) => {
          if (err) this.options.onError(err, `nats bus subscription ${topic}`);
          else this.fan.remote(topic, msg.string());
        },
      });
      this.subs.set(topic, sub);
    }
    // The client re-sends subscriptions on reconnect; until then this topic cannot be confirmed.
    if (!this.connected) throw new Error('nats bus disconnected: subscribed on reconnect');
    await this.confirmed();
  }

  unsubscribe(topic: string): Promise<void> {
    this.fan.topics.delete(topic);
    this.subs.get(topic)?.unsubscribe();
    this.subs.delete(topic);
    return Promise.resolve();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fan.topics.clear();
    this.subs.clear();
    if (this.connected) await this.confirmed().catch(() => undefined); // sends what is buffered
    await this.nc.close();
    await this.statusLoop;
  }

  private subject(topic: string): string {
    const tokens = topic.split(':');
    if (!tokens.every((t) => TOKEN.test(t))) throw new Error(`topic not usable as a NATS subject: ${topic}`);
    return `${this.options.prefix}.${tokens.join('.')}`;
  }

  /** A PING/PONG round trip: the server has processed every SUB sent before it. */
  private async confirmed(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('nats bus: no reply from the server')), CONFIRM_MS);
    });
    try {
      await Promise.race([this.nc.flush(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (this.closed) continue;
      if (status.type === 'disconnect') {
        this.connected = false;
        this.options.onError(new Error(`nats bus lost ${status.server}`), 'nats bus');
      } else if (status.type === 'reconnect') {
        this.connected = true;
        void this.resynced();
      } else if (status.type === 'error') {
        this.options.onError(status.error, 'nats bus');
      } else if (status.type === 'slowConsumer') {
        this.options.onError(new Error(`slow consumer: ${status.pending} pending`), 'nats bus');
      }
    }
  }

  private async resynced(): Promise<void> {
    try {
      await this.confirmed();
      if (!this.closed) this.fan.resynced();
    } catch (err) {
      this.options.onError(err, 'nats bus resubscribe'); // the next reconnect tries again
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('bus closed');
  }
}
