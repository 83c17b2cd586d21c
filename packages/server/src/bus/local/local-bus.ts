import { randomUUID } from 'node:crypto';
import type { Bus, EnvelopeHandler } from '../bus';
import type { DomainEvent } from '../../domain/events';

/** One process, no network: delivery is synchronous, so per-topic order is publish order. */
export class LocalBus implements Bus {
  readonly nodeId = randomUUID();
  private handler: EnvelopeHandler = () => undefined;
  private readonly topics = new Set<string>();

  onEnvelope(handler: EnvelopeHandler): void {
    this.handler = handler;
  }

  publish(topic: string, event: DomainEvent): Promise<void> {
    if (this.topics.has(topic)) this.handler({ origin: this.nodeId, topic, event });
    return Promise.resolve();
  }

  subscribe(topic: string): Promise<void> {
    this.topics.add(topic);
    return Promise.resolve();
  }

  unsubscribe(topic: string): Promise<void> {
    this.topics.delete(topic);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.topics.clear();
    return Promise.resolve();
  }
}
