/**
 * A lone append (no other request to share its commit with), in as few statements as the dialect
 * allows: on PostgreSQL one statement (the conversation's UPDATE and the message's INSERT in one WITH),
 * atomic without a transaction; on SQLite the same two statements in a transaction. Both prepared once
 * (hot-queries.ts). It locks one conversation row, so it needs none of a batch's lock ordering. A
 * conversation start (once per conversation) runs message-append.ts's appendOne in a transaction.
 *
 * appendOne's semantics hold without its first read, the clientKey lookup: a key already stored makes
 * the INSERT fail on the unique index (author_type, author_id, client_key), which undoes the UPDATE, and
 * the stored message is then read as appendOne would have answered. A key no index covers (no author id)
 * never matches in appendOne either. appendOne reads the key before the conversation, so a missing
 * conversation is reported only after looking for the key.
 */
import { randomUUID } from 'node:crypto';
import { inTransaction, retrying, type AppendContext } from './append-context';
import { toConversation, type ConversationRow } from './database';
import type { NewMessageRow } from './hot-queries';
import { joinedTerms } from './search/search-indexing';
import { appendOne, findStored, storedRecord, type AppendRequest } from './message-append';
import { StoreNotFoundError } from './not-found-error';
import type { AppendResult } from './store';

export async function writeLone(ctx: AppendContext, request: AppendRequest): Promise<AppendResult> {
  try {
    if (request.start === undefined) return await appendLone(ctx, request);
    return await inTransaction(ctx, (trx) => appendOne(trx, request));
  } catch (error) {
    if (ctx.dialect.classify(error) !== 'unique') throw error;
    // The key was stored before, or two sends of one key raced and the other won: answer with its
    // message, as a retry would get.
    const stored = await findStored(ctx.db, request.message);
    if (stored === undefined) throw error;
    return stored;
  }
}

async function appendLone(ctx: AppendContext, request: AppendRequest): Promise<AppendResult> {
  const { conversationId, message } = request;
  const row: NewMessageRow = {
    id: randomUUID(),
    conversation_id: conversationId,
    author_type: message.authorType,
    author_id: message.authorId,
    body: message.body,
    client_key: message.clientKey,
    created_at: message.now,
    search_terms: ctx.queries.searchTermsInRow
      ? ((await request.termsReady) ?? joinedTerms(message.body))
      : '',
  };
  const moved = await retrying(ctx, () => bumpAndInsert(ctx, row));
  if (moved === undefined) {
    const stored = await findStored(ctx.db, message);
    if (stored !== undefined) return stored;
    throw new StoreNotFoundError(`conversation ${conversationId} not found`);
  }
  const stored = storedRecord(row.id, conversationId, moved.last_seq, message);
  return { message: stored, conversation: toConversation(moved), created: true };
}

/** The conversation as moved, or undefined (and nothing written) if there is none with that id. */
async function bumpAndInsert(
  { db, queries }: AppendContext,
  row: NewMessageRow,
): Promise<ConversationRow | undefined> {
  if (queries.bumpAndInsert !== undefined) return (await queries.bumpAndInsert.execute(db, row)).rows[0];
  return db.transaction().execute(async (trx) => {
    const [moved] = (await queries.bump.execute(trx, { id: row.conversation_id, now: row.created_at })).rows;
    if (moved !== undefined) await queries.insertMessage.execute(trx, { ...row, seq: moved.last_seq });
    return moved;
  });
}
