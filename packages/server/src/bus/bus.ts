/**
 * The Bus seam: fan-out of domain events between Candor nodes (Socket.IO's cluster-adapter shape).
 * publish() delivers to this node's handler at once and to other nodes through the transport; an
 * envelope that comes back with this node's own id is ignored, so nothing is delivered twice.
 * A node subscribes only to the topics it has watchers for. Implementations: local/ (one process);
 * Redis and NATS come with multi-node support. All pass bus.contract.ts.
 */
import type { DomainEvent } from '../domain/events';

export interface Envelope {
  /** The node that published it. */
  origin: string;
  topic: string;
  event: DomainEvent;
}

export type EnvelopeHandler = (envelope: Envelope) => void;

export interface Bus {
  readonly nodeId: string;
  /** One handler per node: the realtime hub. */
  onEnvelope(handler: EnvelopeHandler): void;
  publish(topic: string, event: DomainEvent): Promise<void>;
  subscribe(topic: string): Promise<void>;
  unsubscribe(topic: string): Promise<void>;
  close(): Promise<void>;
}
