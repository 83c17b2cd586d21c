/**
 * The one write path that must be exact: a message gets the next seq of its conversation, once per
 * clientKey, durably. Everything happens in one transaction; on PostgreSQL the UPDATE of the conversation
 * row takes a row lock, which serialises concurrent appends to that conversation.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { toConversation, toMessage, type Database } from './database';
import { getConversation } from './conversation-queries';
import { findMessageByClientKey } from './message-queries';
import { StoreNotFoundError } from './not-found-error';
import type { AppendResult, NewMessage } from './store';
import type { StoreDialect } from './store-dialect';

type Db = Kysely<Database>;
type NewConversation = { id: string; inboxId: string; visitorId: string };

export interface AppendContext {
  db: Db;
  dialect: StoreDialect;
}

export function appendMessage(
  ctx: AppendContext,
  conversationId: string,
  message: NewMessage,
): Promise<AppendResult> {
  return withDuplicateRecovery(ctx, message, (trx) => insertNext(trx, conversationId, message));
}

export function startConversation(
  ctx: AppendContext,
  conversation: NewConversation,
  message: NewMessage,
): Promise<AppendResult> {
  return withDuplicateRecovery(ctx, message, async (trx) => {
    await trx
      .insertInto('conversations')
      .values({
        id: conversation.id,
        inbox_id: conversation.inboxId,
        visitor_id: conversation.visitorId,
        status: 'open',
        assignee_id: null,
        last_seq: 0,
        created_at: message.now,
        updated_at: message.now,
      })
      .execute();
    return insertNext(trx, conversation.id, message);
  });
}

/**
 * Runs `write` in a transaction unless the clientKey is already stored. Two racing sends of one key both
 * miss the lookup; the loser then hits the unique index, its transaction rolls back, and it answers with
 * the winner's message, read afresh outside the failed transaction.
 */
async function withDuplicateRecovery(
  { db, dialect }: AppendContext,
  message: NewMessage,
  write: (trx: Db) => Promise<AppendResult>,
): Promise<AppendResult> {
  try {
    return await db.transaction().execute(async (trx) => (await findStored(trx, message)) ?? write(trx));
  } catch (error) {
    if (message.clientKey === null || dialect.classify(error) !== 'unique') throw error;
    const stored = await findStored(db, message);
    if (stored === undefined) throw error;
    return stored;
  }
}

async function findStored(db: Db, message: NewMessage): Promise<AppendResult | undefined> {
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
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { message: toMessage(inserted), conversation: toConversation(row), created: true };
}
