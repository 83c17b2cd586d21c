/**
 * Plans a batch of appends as if its requests ran one after another, in order (message-append.ts
 * semantics), from what the store held when the batch locked its conversations: which conversations to
 * create, where each touched conversation ends, which messages to insert, and each request's outcome.
 * No I/O: append-write.ts reads the inputs and writes the plan in a few set-wise statements.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { MessageRecord } from '../domain/types';
import type { ConversationRow, ConversationsTable } from './database';
import { clientKeyOf, storedRecord, type AppendRequest } from './message-append';
import { StoreNotFoundError } from './not-found-error';
import { StoreConflictError } from './store';

/** A conversation as a request's answer shows it. */
export interface Moment {
  lastSeq: number;
  updatedAt: number;
}

export type PlannedOutcome =
  { ok: true; message: MessageRecord; created: boolean; at: Moment } | { ok: false; error: Error };

export interface AppendPlan {
  /** Conversations started by the batch, already at their final lastSeq and updatedAt. */
  created: Insertable<ConversationsTable>[];
  /** Existing conversations that got messages: where they end. */
  moved: Map<string, Moment>;
  messages: MessageRecord[];
  outcomes: PlannedOutcome[];
}

interface Tracked {
  at: Moment;
  /** Set when the batch starts this conversation. */
  start?: Insertable<ConversationsTable>;
  moved: boolean;
}

/**
 * `stored`: messages already stored under the batch's clientKeys, by clientKeyOf. `existing`: the rows
 * of every conversation the requests name or the stored messages belong to.
 */
export function planAppends(
  requests: readonly AppendRequest[],
  stored: ReadonlyMap<string, MessageRecord>,
  existing: ReadonlyMap<string, ConversationRow>,
): AppendPlan {
  const conversations = new Map<string, Tracked>();
  for (const [id, row] of existing)
    conversations.set(id, { at: { lastSeq: row.last_seq, updatedAt: row.updated_at }, moved: false });
  const known = new Map(stored);
  const messages: MessageRecord[] = [];

  const answer = ({ conversationId: id, message, start }: AppendRequest): PlannedOutcome => {
    const key = clientKeyOf(message);
    const prior = key === undefined ? undefined : known.get(key);
    if (prior !== undefined) {
      const at = conversations.get(prior.conversationId)?.at;
      if (at === undefined) throw new Error(`message ${prior.id} has no conversation`);
      return { ok: true, message: prior, created: false, at: { ...at } };
    }
    if (start !== undefined) {
      if (conversations.has(id))
        return { ok: false, error: new StoreConflictError(`conversation ${id} exists`) };
      const row = { id, inbox_id: start.inboxId, visitor_id: start.visitorId, status: 'open' as const };
      const times = { created_at: message.now, updated_at: message.now };
      const tracked = { at: { lastSeq: 0, updatedAt: message.now }, moved: false };
      conversations.set(id, { ...tracked, start: { ...row, assignee_id: null, last_seq: 0, ...times } });
    }
    const conversation = conversations.get(id);
    if (conversation === undefined)
      return { ok: false, error: new StoreNotFoundError(`conversation ${id} not found`) };
    conversation.at = { lastSeq: conversation.at.lastSeq + 1, updatedAt: message.now };
    conversation.moved = true;
    const record = storedRecord(randomUUID(), id, conversation.at.lastSeq, message);
    messages.push(record);
    if (key !== undefined) known.set(key, record);
    return { ok: true, message: record, created: true, at: conversation.at };
  };

  const outcomes = requests.map(answer);
  const plan: AppendPlan = { created: [], moved: new Map(), messages, outcomes };
  for (const [id, { start, moved, at }] of conversations) {
    if (start !== undefined) plan.created.push({ ...start, last_seq: at.lastSeq, updated_at: at.updatedAt });
    else if (moved) plan.moved.set(id, at);
  }
  return plan;
}
