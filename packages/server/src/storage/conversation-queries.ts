/** Reading and patching conversations. Appending (which also moves a conversation) is in message-append. */
import type { Kysely } from 'kysely';
import type { ConversationRecord } from '../domain/types';
import { toConversation, type Database } from './database';
import type { ConversationPatch, ConversationQuery } from './store';

type Db = Kysely<Database>;

export async function getConversation(db: Db, id: string): Promise<ConversationRecord | undefined> {
  const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toConversation(row);
}

export async function listVisitorConversations(
  db: Db,
  visitorId: string,
  limit: number,
): Promise<ConversationRecord[]> {
  const rows = await db
    .selectFrom('conversations')
    .selectAll()
    .where('visitor_id', '=', visitorId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toConversation);
}

export async function listConversations(db: Db, query: ConversationQuery): Promise<ConversationRecord[]> {
  if (query.inboxIds.length === 0) return [];
  let select = db.selectFrom('conversations').selectAll().where('inbox_id', 'in', query.inboxIds);
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.assigneeId === null) select = select.where('assignee_id', 'is', null);
  else if (query.assigneeId !== undefined) select = select.where('assignee_id', '=', query.assigneeId);
  const rows = await select.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map(toConversation);
}

export async function updateConversation(
  db: Db,
  id: string,
  patch: ConversationPatch,
): Promise<ConversationRecord | undefined> {
  const row = await db
    .updateTable('conversations')
    .set({
      updated_at: patch.now,
      ...(patch.status === undefined ? {} : { status: patch.status }),
      ...(patch.assigneeId === undefined ? {} : { assignee_id: patch.assigneeId }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toConversation(row);
}
