import type { Bus, Envelope } from '../bus/bus';
import type { DomainEvent } from '../domain/events';
import { outboundFor, type Outbound } from './outbound';
import { topicsFor } from './topics';

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
  private readonly watchers = new Map<string, Set<Watcher>>();
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
    let set = this.watchers.get(topic);
    if (!set) {
      set = new Set();
      this.watchers.set(topic, set);
      // A failed subscribe is not fatal: the bus keeps the topic wanted and resubscribes it before
      // resync, when every watcher catches up from the store.
      this.subscribing.set(
        topic,
        this.bus.subscribe(topic).catch((err: unknown) => this.onError(err, 'bus subscribe')),
      );
    }
    set.add(watcher);
    return this.subscribing.get(topic) ?? Promise.resolve();
  }

  unwatch(topic: string, watcher: Watcher): void {
    const set = this.watchers.get(topic);
    if (!set?.delete(watcher) || set.size > 0) return;
    this.watchers.delete(topic);
    this.subscribing.delete(topic);
    this.bus.unsubscribe(topic).catch((err: unknown) => this.onError(err, 'bus unsubscribe'));
  }

  /** The ChatContext.emit of this node: events go out on their topics, to every node. */
  readonly emit = (event: DomainEvent): void => {
    for (const topic of topicsFor(event)) {
      this.bus.publish(topic, event).catch((err: unknown) => this.onError(err, 'bus publish'));
    }
  };

  watchedTopics(): number {
    return this.watchers.size;
  }

  private resync(): void {
    const everyone = new Set<Watcher>();
    for (const set of this.watchers.values()) for (const watcher of set) everyone.add(watcher);
    for (const watcher of everyone) watcher.resync?.();
  }

  private dispatch(envelope: Envelope): void {
    const set = this.watchers.get(envelope.topic);
    if (!set) return;
    const outbound = outboundFor(envelope.event);
    for (const watcher of set) watcher.deliver(envelope, outbound);
  }
}
