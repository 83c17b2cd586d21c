/**
 * Replies not yet acknowledged, as pure functions. Each keeps its clientKey for life, so resending after
 * a reconnect is idempotent on the server: a reply stored before the drop is not stored twice.
 */
import type { Message } from '@candor/protocol';

export interface OutboxEntry {
  readonly clientKey: string;
  readonly conversationId: string;
  readonly body: string;
  readonly state: 'sending' | 'failed';
  readonly error: string | null;
  /** The server held it back (`message_held`): `error` is its warning, and it may be sent anyway. */
  readonly held?: boolean;
  /** Sent anyway after the warning: resends (after a reconnect too) say so with `acknowledgeWarning`. */
  readonly acknowledged?: boolean;
  readonly createdAt: number;
}
export type Outbox = readonly OutboxEntry[];

export function enqueue(outbox: Outbox, entry: Omit<OutboxEntry, 'state' | 'error'>): Outbox {
  return [...outbox, { ...entry, state: 'sending', error: null }];
}

/** Acked by key, or seen as stored (`message.created` may beat the ack, or replace it after a reconnect). */
export function settle(outbox: Outbox, clientKey: string): Outbox {
  const next = outbox.filter((e) => e.clientKey !== clientKey);
  return next.length === outbox.length ? outbox : next;
}

export function settleMessage(outbox: Outbox, message: Message): Outbox {
  const key = message.clientKey;
  if (key === null) return outbox;
  const next = outbox.filter((e) => !(e.clientKey === key && e.conversationId === message.conversationId));
  return next.length === outbox.length ? outbox : next;
}

export function fail(outbox: Outbox, clientKey: string, error: string, held = false): Outbox {
  return outbox.map((e) => (e.clientKey === clientKey ? { ...e, state: 'failed', error, held } : e));
}

export function retry(outbox: Outbox, clientKey: string): Outbox {
  return outbox.map((e) =>
    e.clientKey === clientKey ? { ...e, state: 'sending', error: null, held: false } : e,
  );
}

/** A held reply the agent chose to send after reading the warning; others are left as they are. */
export function sendAnyway(outbox: Outbox, clientKey: string): Outbox {
  return outbox.map((e) =>
    e.clientKey === clientKey && e.held
      ? { ...e, state: 'sending', error: null, held: false, acknowledged: true }
      : e,
  );
}

/** What to send again after a reconnect: failed ones wait for the agent to press retry. */
export function toResend(outbox: Outbox): OutboxEntry[] {
  return outbox.filter((e) => e.state === 'sending');
}

export function pendingFor(outbox: Outbox, conversationId: string): OutboxEntry[] {
  return outbox.filter((e) => e.conversationId === conversationId);
}
