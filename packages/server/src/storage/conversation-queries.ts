/** Reading and patching conversations. Appending (which also moves a conversation) is in message-append. */
import type { Kysely } from 'kysely';
import type { ConversationRecord } from '../domain/types';
import { toConversation, type Database } from './database';
import type { ConversationFilter, ConversationPatch, ConversationQuery } from './store';
import { priorityRank } from '../domain/routing/queue-order';
import { recordFirstAssignment } from './routing-queries';

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
  const direction = query.order === 'oldest' ? 'asc' : 'desc';
  const rows = await filtered(db, query)
    .selectAll()
    .orderBy('updated_at', direction)
    .orderBy('id', direction)
    .limit(query.limit)
    .execute();
  return rows.map(toConversation);
}

export async function countConversations(db: Db, filter: ConversationFilter): Promise<number> {
  if (filter.inboxIds.length === 0) return 0;
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  // PostgreSQL's count is int8, which pg returns as a string unless parsed.
  return Number(row?.n ?? 0);
}

/** The conversations a filter keeps; search (search/search-queries.ts) narrows by it too. */
export function filtered(db: Db, filter: ConversationFilter) {
  let select = db.selectFrom('conversations').where('inbox_id', 'in', filter.inboxIds);
  if (filter.status !== undefined) select = select.where('status', '=', filter.status);
  if (filter.assigneeId === null) select = select.where('assignee_id', 'is', null);
  else if (filter.assigneeId !== undefined) select = select.where('assignee_id', '=', filter.assigneeId);
  if (filter.teamId !== undefined) select = select.where('team_id', '=', filter.teamId);
  const { tag } = filter;
  if (tag !== undefined) {
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('conversation_tags')
          .select('conversation_tags.tag')
          .whereRef('conversation_tags.conversation_id', '=', 'conversations.id')
          .where('conversation_tags.tag', '=', tag),
      ),
    );
  }
  return select;
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
      ...(patch.priority === undefined
        ? {}
        : { priority: patch.priority, priority_rank: priorityRank(patch.priority) }),
      ...(patch.teamId === undefined ? {} : { team_id: patch.teamId }),
      ...(patch.requiredSkills === undefined
        ? {}
        : { required_skills: JSON.stringify([...new Set(patch.requiredSkills)]) }),
      ...(patch.waitingSince === undefined ? {} : { waiting_since: patch.waitingSince }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  // However it was assigned (by hand, by a reply), the first assignment is a sample for the wait estimate.
  if (row && typeof patch.assigneeId === 'string') await recordFirstAssignment(db, row, patch.now);
  return row && toConversation(row);
}
