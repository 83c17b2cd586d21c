/**
 * The Bus seam: fan-out of domain events between Candor nodes (Socket.IO's cluster-adapter shape).
 * publish() delivers to this node's handler at once and to other nodes through the transport; an
 * envelope that comes back with this node's own id is ignored, so nothing is delivered twice.
 * A node subscribes only to the topics it has watchers for. Fan-out is fire-and-forget: the store is
 * the system of record, and a node that lost its connection heals from it (onResync).
 * Implementations: local/ (one process), redis/ and nats/ (many nodes). All pass bus.contract.ts.
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
  /** Delivers locally at once, then sends; rejects when the transport is down (nothing is queued). */
  publish(topic: string, event: DomainEvent): Promise<void>;
  /**
   * Resolves once the transport confirmed it, so events published after that reach this node. If it
   * rejects (transport down), the topic stays wanted and is subscribed again before onResync fires.
   */
  subscribe(topic: string): Promise<void>;
  unsubscribe(topic: string): Promise<void>;
  /**
   * Networked buses only, one handler per node: called after the transport came back and every
   * current subscription is confirmed again (never for the first connection). Events other nodes
   * published during the gap are lost, so the realtime layer re-reads what it shows from the store.
   */
  onResync?(handler: () => void): void;
  close(): Promise<void>;
}
