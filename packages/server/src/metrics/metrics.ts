/**
 * Prometheus metrics. Labels are kinds and codes only: never a message, a draft, an id or an email.
 * Each server has its own registry, so several in one process (tests) do not collide.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ErrorCode } from '@candor/protocol';
import type { DomainEvent } from '../domain/events';

/** Why a WebSocket upgrade got no socket; `bad_handshake` and `client_gone` are ws's own refusals. */
export type HandshakeRefusal =
  'origin' | 'unauthenticated' | 'ip_limit' | 'not_found' | 'draining' | 'bad_handshake' | 'client_gone';

export class Metrics {
  readonly registry = new Registry();
  private readonly messages = new Counter({
    name: 'candor_messages_stored_total',
    help: 'Messages stored, by author type',
    labelNames: ['author'] as const,
    registers: [this.registry],
  });
  /** Counted in a plain number, copied to the counter at scrape time: drafts are the hottest path. */
  private draftsRelayed = 0;
  private readonly drafts = new Counter({
    name: 'candor_drafts_relayed_total',
    help: 'Draft updates relayed to agents (their text is never recorded)',
    registers: [this.registry],
    collect: () => {
      this.drafts.reset();
      this.drafts.inc(this.draftsRelayed);
    },
  });
  private readonly errors = new Counter({
    name: 'candor_errors_total',
    help: 'Error frames and REST errors sent, by code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly refused = new Counter({
    name: 'candor_ws_refused_total',
    help: 'WebSocket handshakes refused, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly fanout = new Histogram({
    name: 'candor_fanout_delay_seconds',
    help: 'From a message being stored to its delivery to a socket on this node',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly mail = new Counter({
    name: 'candor_mail_total',
    help: 'Emails by outcome: sent, retried (an attempt failed, another is planned), failed (given up)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(sources: {
    connections: () => { visitor: number; agent: number };
    pendingCommands: () => number;
  }) {
    collectDefaultMetrics({ register: this.registry, prefix: 'candor_' });
    new Gauge({
      name: 'candor_connections',
      help: 'Open WebSocket connections, by role',
      labelNames: ['role'] as const,
      registers: [this.registry],
      collect() {
        const open = sources.connections();
        this.set({ role: 'visitor' }, open.visitor);
        this.set({ role: 'agent' }, open.agent);
      },
    });
    new Gauge({
      name: 'candor_commands_pending',
      help: 'Client commands received and not yet answered, all sockets',
      registers: [this.registry],
      collect() {
        this.set(sources.pendingCommands());
      },
    });
  }

  /** A listener on domain events, as emitted on the node where they happened. */
  readonly onEvent = (event: DomainEvent): void => {
    if (event.type === 'message.created') this.messages.inc({ author: event.message.author.type });
    else if (event.type === 'draft.changed') this.draftsRelayed++;
  };

  error(code: ErrorCode): void {
    this.errors.inc({ code });
  }

  mailed(outcome: 'sent' | 'retried' | 'failed'): void {
    this.mail.inc({ outcome });
  }

  refusedHandshake(reason: HandshakeRefusal): void {
    this.refused.inc({ reason });
  }

  delivered(storedAt: number, now: number): void {
    this.fanout.observe(Math.max(0, now - storedAt) / 1000);
  }
}
