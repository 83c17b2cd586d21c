/**
 * One append, statement by statement: the exact semantics every batch must reproduce. A message gets
 * the next seq of its conversation, once per clientKey. On PostgreSQL the UPDATE of the conversation row
 * takes a row lock, which serialises concurrent appends to that conversation. append-lone.ts runs this
 * for a lone conversation start (and reproduces it in fewer statements for a lone append), append-write.ts
 * per request in a savepoint when a grouped batch hit a statement error.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MessageRecord } from '../domain/types';
import { MESSAGE_COLUMNS, toConversation, toMessage, type Database } from './database';
import { engineOf, joinedTerms, searchTermsSql } from './search/search-indexing';
import { getConversation } from './conversation-queries';
import { findMessageByClientKey } from './message-queries';
import { StoreNotFoundError } from './not-found-error';
import type { AppendResult, NewMessage } from './store';

type Db = Kysely<Database>;

/** appendMessage, or startConversation when `start` is set (the conversation is created first). */
export interface AppendRequest {
  conversationId: string;
  message: NewMessage;
  start?: { inboxId: string; visitorId: string };
  /** The body's joined search terms, when already computed off the event loop (append-write.ts). */
  terms?: string;
  /** The same, being computed since the request was submitted (TermsThread.termsSoon). */
  termsReady?: Promise<string>;
}

/** The idempotency identity of a message; undefined when it has none (no key, or no author id). */
export function clientKeyOf(
  message: Pick<NewMessage, 'authorType' | 'authorId' | 'clientKey'>,
): string | undefined {
  // A null author id never matches (NULLs are distinct in the unique index too), so keys are per author.
  if (message.clientKey === null || message.authorId === null) return undefined;
  return JSON.stringify([message.authorType, message.authorId, message.clientKey]);
}

/** A message as stored at `seq` under `id`: the values just written, so there is no need to read them back. */
export function storedRecord(
  id: string,
  conversationId: string,
  seq: number,
  message: NewMessage,
): MessageRecord {
  const { authorType, authorId, body, clientKey, now: createdAt } = message;
  return { id, conversationId, seq, authorType, authorId, body, clientKey, createdAt };
}

export async function appendOne(trx: Db, request: AppendRequest): Promise<AppendResult> {
  const stored = await findStored(trx, request.message);
  if (stored !== undefined) return stored;
  const { conversationId: id, message, start } = request;
  if (start !== undefined) {
    await trx
      .insertInto('conversations')
      .values({
        id,
        inbox_id: start.inboxId,
        visitor_id: start.visitorId,
        status: 'open',
        assignee_id: null,
        last_seq: 0,
        created_at: message.now,
        updated_at: message.now,
      })
      .execute();
  }
  return insertNext(trx, id, message);
}

/** The stored message of this clientKey, with its conversation as it is now. */
export async function findStored(db: Db, message: NewMessage): Promise<AppendResult | undefined> {
  if (message.clientKey === null) return undefined;
  const author = { type: message.authorType, id: message.authorId };
  const stored = await findMessageByClientKey(db, author, message.clientKey);
  if (stored === undefined) return undefined;
  const conversation = await getConversation(db, stored.conversationId);
  if (conversation === undefined) throw new Error(`message ${stored.id} has no conversation`);
  return { message: stored, conversation, created: false };
}

async function insertNext(trx: Db, conversationId: string, message: NewMessage): Promise<AppendResult> {
  const row = await trx
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), updated_at: message.now }))
    .where('id', '=', conversationId)
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) throw new StoreNotFoundError(`conversation ${conversationId} not found`);
  const inserted = await trx
    .insertInto('messages')
    .values({
      id: randomUUID(),
      conversation_id: conversationId,
      seq: row.last_seq,
      author_type: message.authorType,
      author_id: message.authorId,
      body: message.body,
      client_key: message.clientKey,
      created_at: message.now,
      ...(engineOf(trx) === 'tsvector' && { search_terms: searchTermsSql(joinedTerms(message.body)) }),
    })
    .returning(MESSAGE_COLUMNS)
    .executeTakeFirstOrThrow();
  return { message: toMessage(inserted), conversation: toConversation(row), created: true };
}
