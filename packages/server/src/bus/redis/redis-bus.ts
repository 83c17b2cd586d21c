/**
 * Redis pub/sub fan-out: channel `<prefix>:<topic>`, payload the JSON envelope. Two connections, as
 * Redis requires: one in subscriber mode, one to publish. Nothing is queued while Redis is away:
 * publish and subscribe reject at once, and on reconnect this bus subscribes every wanted topic again
 * itself (ioredis' auto-resubscribe would not tell us when that is confirmed), then fires onResync.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Bus, EnvelopeHandler } from '../bus';
import type { DomainEvent } from '../../domain/events';
import { FanOut, type BusErrorHandler } from '../fan-out';
import type { DraftSealer } from '../draft-sealer';

export interface RedisBusOptions {
  /** e.g. redis://:password@host:6379/0, or rediss:// for TLS */
  url: string;
  /** Channel prefix, so several deployments can share one Redis. Default `candor`. */
  prefix?: string;
  onError: BusErrorHandler;
  /** Seals drafts on the wire; without it they would cross the network in clear. */
  sealer?: DraftSealer;
}

const clientOptions: RedisOptions = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0, // a command in flight when the connection drops fails, it is not resent
  autoResubscribe: false,
  autoResendUnfulfilledCommands: false,
  commandTimeout: 5_000,
  protocol: 2, // plain pub/sub on its own connection needs no RESP3; every Redis-compatible server speaks 2
  // A message is published on up to three topics in one tick: one write to Redis instead of three.
  enableAutoPipelining: true,
};

/** Resolves once both connections are ready; rejects (and gives up) if Redis cannot be reached. */
export async function openRedisBus(options: RedisBusOptions): Promise<Bus> {
  const bus = new RedisBus(options);
  try {
    await bus.connect();
  } catch (err) {
    await bus.close();
    throw err;
  }
  return bus;
}

export class RedisBus implements Bus {
  private readonly fan: FanOut;
  private readonly prefix: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private started = false;
  private closed = false;

  constructor(private readonly options: RedisBusOptions) {
    this.fan = new FanOut(options.onError, options.sealer);
    this.prefix = `${options.prefix ?? 'candor'}:`;
    this.publisher = this.client('pub');
    this.subscriber = this.client('sub');
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel.startsWith(this.prefix)) this.fan.remote(channel.slice(this.prefix.length), message);
    });
    this.subscriber.on('ready', () => {
      if (this.started) void this.resubscribe();
    });
  }

  get nodeId(): string {
    return this.fan.nodeId;
  }

  async connect(): Promise<void> {
    let cause: unknown; // ioredis rejects with "Connection is closed."; the socket error says why
    const seen = (err: unknown) => (cause ??= err);
    for (const c of [this.publisher, this.subscriber]) c.on('error', seen);
    try {
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    } catch (err) {
      throw cause ?? err;
    } finally {
      for (const c of [this.publisher, this.subscriber]) c.off('error', seen);
    }
    this.started = true;
  }

  onEnvelope(handler: EnvelopeHandler): void {
    this.fan.onEnvelope(handler);
  }

  onResync(handler: () => void): void {
    this.fan.onResync(handler);
  }

  async publish(topic: string, event: DomainEvent): Promise<void> {
    this.assertOpen();
    const wire = this.fan.local(topic, event);
    await this.publisher.publish(this.prefix + topic, wire);
  }

  async subscribe(topic: string): Promise<void> {
    this.assertOpen();
    this.fan.topics.add(topic);
    await this.subscriber.subscribe(this.prefix + topic);
  }

  async unsubscribe(topic: string): Promise<void> {
    this.fan.topics.delete(topic);
    if (this.closed || this.subscriber.status !== 'ready') return; // a new connection starts empty
    try {
      await this.subscriber.unsubscribe(this.prefix + topic);
    } catch (err) {
      if (this.subscriber.status === 'ready') throw err;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fan.topics.clear();
    await Promise.all([quit(this.publisher), quit(this.subscriber)]);
  }

  private client(role: 'pub' | 'sub'): Redis {
    const name = `${this.prefix}${role}:${this.fan.nodeId}`;
    const client = new Redis(this.options.url, { ...clientOptions, connectionName: name });
    let quiet = true; // one report per outage, not one per reconnect attempt
    const report = (err: unknown) => {
      if (!quiet && !this.closed) this.options.onError(err, `redis bus ${role}`);
      quiet = true;
    };
    client.on('ready', () => (quiet = false));
    client.on('close', () => report(new Error('connection lost; reconnecting')));
    client.on('error', report);
    return client;
  }

  private async resubscribe(): Promise<void> {
    const channels = [...this.fan.topics].map((t) => this.prefix + t);
    try {
      if (channels.length > 0) await this.subscriber.subscribe(...channels);
      if (!this.closed) this.fan.resynced();
    } catch (err) {
      this.options.onError(err, 'redis bus resubscribe'); // the next 'ready' tries again
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('bus closed');
  }
}

/** QUIT lets pending replies arrive; a connection that is not up is just dropped (no reconnect). */
async function quit(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    const done = await client.quit().then(
      () => true,
      () => false,
    );
    if (done) return;
  }
  client.disconnect();
}
