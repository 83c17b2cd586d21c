import type { Bus, Envelope } from '../bus/bus';
import type { DomainEvent } from '../domain/events';
import { outboundFor, type Outbound } from './outbound';
import { topicsFor } from './topics';
import { hasItem, withItem, withoutItem, type OneOrMany } from './one-or-many';

/** Something on this node that wants the events of a topic: a client connection. */
export interface Watcher {
  deliver(envelope: Envelope, outbound: Outbound): void;
  /** The bus was down and is back: events may have been missed; catch up from the store. */
  resync?(): void;
}

/**
 * This node's side of fan-out: which local watchers want which topics. The node subscribes to a bus
 * topic while at least one local watcher wants it, and only then.
 */
export class Hub {
  /** Most topics (a visitor's own) have one watcher: held as is, a Set only from the second. */
  private readonly watchers = new Map<string, OneOrMany<Watcher>>();
  /** Bus subscribes not yet settled; a settled one is dropped, so idle topics hold no promise. */
  private readonly subscribing = new Map<string, Promise<void>>();

  constructor(
    private readonly bus: Bus,
    private readonly onError: (err: unknown, what: string) => void,
  ) {
    bus.onEnvelope((envelope) => this.dispatch(envelope));
    bus.onResync?.(() => this.resync());
  }

  /** Resolves once the bus delivers this topic, so a replay read after it cannot miss an event. */
  watch(topic: string, watcher: Watcher): Promise<void> {
    const current = this.watchers.get(topic);
    this.watchers.set(topic, withItem(current, watcher));
    if (current === undefined) this.subscribe(topic);
    return this.subscribing.get(topic) ?? Promise.resolve();
  }

  unwatch(topic: string, watcher: Watcher): void {
    const current = this.watchers.get(topic);
    if (!hasItem(current, watcher)) return;
    const rest = withoutItem(current, watcher);
    if (rest !== undefined) {
      this.watchers.set(topic, rest);
      return;
    }
    this.watchers.delete(topic);
    this.subscribing.delete(topic);
    this.bus.unsubscribe(topic).catch((err: unknown) => this.onError(err, 'bus unsubscribe'));
  }

  /** The ChatContext.emit of this node: events go out on their topics, to every node. */
  readonly emit = (event: DomainEvent): void => {
    for (const topic of topicsFor(event)) this.bus.publish(topic, event).catch(this.publishFailed);
  };

  /** One handler for every publish (drafts publish thousands a second): no closure per call. */
  private readonly publishFailed = (err: unknown): void => this.onError(err, 'bus publish');

  /** Has any socket of this node watched the topic (a visitor's topic: that visitor is connected here)? */
  isWatched(topic: string): boolean {
    return this.watchers.has(topic);
  }

  watchedTopics(): number {
    return this.watchers.size;
  }

  private subscribe(topic: string): void {
    // A failed subscribe is not fatal: the bus keeps the topic wanted and resubscribes it before
    // resync, when every watcher catches up from the store.
    const subscribed: Promise<void> = this.bus.subscribe(topic).then(
      () => this.settled(topic, subscribed),
      (err: unknown) => {
        this.onError(err, 'bus subscribe');
        this.settled(topic, subscribed);
      },
    );
    this.subscribing.set(topic, subscribed);
  }

  /** Watchers from now on need not wait; one that unwatched and rewatched has a newer promise. */
  private settled(topic: string, subscribed: Promise<void>): void {
    if (this.subscribing.get(topic) === subscribed) this.subscribing.delete(topic);
  }

  private resync(): void {
    const everyone = new Set<Watcher>();
    for (const current of this.watchers.values()) {
      if (current instanceof Set) for (const watcher of current) everyone.add(watcher);
      else if (current !== undefined) everyone.add(current);
    }
    for (const watcher of everyone) watcher.resync?.();
  }

  private dispatch(envelope: Envelope): void {
    const current = this.watchers.get(envelope.topic);
    if (current === undefined) return;
    const outbound = outboundFor(envelope.event);
    if (current instanceof Set) for (const watcher of current) watcher.deliver(envelope, outbound);
    else current.deliver(envelope, outbound);
  }
}
