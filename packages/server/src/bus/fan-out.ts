/**
 * What every networked Bus shares, whatever carries the bytes: this node's id, its one handler, the
 * topics it subscribed to, local-first delivery and origin filtering. Transports only move strings.
 */
import { randomUUID } from 'node:crypto';
import type { Envelope, EnvelopeHandler } from './bus';
import type { DomainEvent } from '../domain/events';
import type { DraftSealer } from './draft-sealer';

/** Where a networked bus reports what went wrong; it never throws out of a socket callback. */
export type BusErrorHandler = (err: unknown, what: string) => void;

export class FanOut {
  readonly nodeId = randomUUID();
  /** Topics this node subscribed to: the only ones delivered, locally or from the wire. */
  readonly topics = new Set<string>();
  private handler: EnvelopeHandler = () => undefined;
  private resync: () => void = () => undefined;
  /** How every envelope this node publishes begins (local() writes the origin first). */
  private readonly ownPrefix = `{"origin":${JSON.stringify(this.nodeId)},"topic":`;
  private lastEvent: DomainEvent | undefined;
  private lastJson = '';

  constructor(
    private readonly onError: BusErrorHandler,
    private readonly sealer?: DraftSealer,
  ) {}

  onEnvelope(handler: EnvelopeHandler): void {
    this.handler = handler;
  }

  onResync(handler: () => void): void {
    this.resync = handler;
  }

  /** publish's first half: this node's watchers, synchronously. Returns what goes on the wire. */
  local(topic: string, event: DomainEvent): string {
    if (this.topics.has(topic)) this.deliver({ origin: this.nodeId, topic, event });
    // An event goes out on up to three topics in a row: its JSON is made once, the envelope around it
    // by concatenation (topics are `kind:uuid`, yet quoted as JSON all the same).
    if (event !== this.lastEvent) {
      this.lastEvent = event;
      this.lastJson = JSON.stringify(this.onWire(event));
    }
    return `${this.ownPrefix}${JSON.stringify(topic)},"event":${this.lastJson}}`;
  }

  private onWire(event: DomainEvent): DomainEvent | (DomainEvent & { sealed: string }) {
    if (event.type !== 'draft.changed' || !this.sealer) return event;
    return { ...event, text: '', sealed: this.sealer.seal(event.text) };
  }

  /** An envelope from the wire: own echoes, stale topics and malformed payloads are dropped. */
  remote(topic: string, raw: string): void {
    // Redis hands a node back what it published itself: recognised by its first bytes, not parsed.
    if (raw.startsWith(this.ownPrefix)) return;
    const envelope = decodeEnvelope(raw);
    if (!envelope || envelope.topic !== topic) {
      this.onError(new Error(`malformed envelope on ${topic}`), 'bus receive');
      return;
    }
    if (envelope.origin === this.nodeId || !this.topics.has(topic)) return;
    const event = envelope.event as DomainEvent & { sealed?: unknown };
    if (event.type === 'draft.changed' && typeof event.sealed === 'string') {
      const text = this.sealer?.open(event.sealed);
      if (text === undefined)
        return this.onError(new Error(`unreadable sealed draft on ${topic}`), 'bus receive');
      const { sealed: _, ...rest } = event;
      return this.deliver({ ...envelope, event: { ...rest, text } });
    }
    this.deliver(envelope);
  }

  /** The transport is back and every subscription is confirmed again. */
  resynced(): void {
    try {
      this.resync();
    } catch (err) {
      this.onError(err, 'bus resync handler');
    }
  }

  private deliver(envelope: Envelope): void {
    try {
      this.handler(envelope);
    } catch (err) {
      this.onError(err, 'bus envelope handler');
    }
  }
}

/** Shape check only: other nodes are trusted peers; a bad payload is a bug to log, not to crash on. */
export function decodeEnvelope(raw: string): Envelope | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { origin, topic, event } = value as Record<string, unknown>;
  if (typeof origin !== 'string' || typeof topic !== 'string') return undefined;
  if (typeof event !== 'object' || event === null) return undefined;
  if (typeof (event as { type?: unknown }).type !== 'string') return undefined;
  return { origin, topic, event: event as DomainEvent };
}
