/** Reading messages: by idempotency key, after a seq, and the last one of each conversation. */
import type { Kysely } from 'kysely';
import type { AuthorType, MessageRecord } from '../domain/types';
import { MESSAGE_COLUMNS, toMessage, type Database } from './database';
import type { LastMessage } from './store';

type Db = Kysely<Database>;

export async function findMessageByClientKey(
  db: Db,
  author: { type: AuthorType; id: string | null },
  clientKey: string,
): Promise<MessageRecord | undefined> {
  // A null author id never matches (NULLs are distinct in the unique index too), so keys are per author.
  if (author.id === null) return undefined;
  const row = await db
    .selectFrom('messages')
    .select(MESSAGE_COLUMNS)
    .where('author_type', '=', author.type)
    .where('author_id', '=', author.id)
    .where('client_key', '=', clientKey)
    .executeTakeFirst();
  return row && toMessage(row);
}

export async function listMessages(
  db: Db,
  conversationId: string,
  page: { afterSeq: number; limit: number },
): Promise<MessageRecord[]> {
  const rows = await db
    .selectFrom('messages')
    .select(MESSAGE_COLUMNS)
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', page.afterSeq)
    .orderBy('seq')
    .limit(page.limit)
    .execute();
  return rows.map(toMessage);
}

export async function lastMessages(db: Db, conversationIds: readonly string[]): Promise<LastMessage[]> {
  if (conversationIds.length === 0) return [];
  const rows = await db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', (join) =>
      join.onRef('c.id', '=', 'm.conversation_id').onRef('c.last_seq', '=', 'm.seq'),
    )
    .select(['m.conversation_id', 'm.seq', 'm.author_type', 'm.body', 'm.created_at'])
    .where('c.id', 'in', conversationIds)
    .execute();
  return rows.map((r) => ({
    conversationId: r.conversation_id,
    seq: r.seq,
    authorType: r.author_type,
    body: r.body,
    createdAt: r.created_at,
  }));
}
