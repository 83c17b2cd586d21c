/** Ratings and business hours: see satisfaction-store.ts. */
import type { Kysely, Selectable } from 'kysely';
import type { ConversationRatingsTable, Database } from './database';
import type { RatingCount, RatingFilter, RatingQuery, RatingRecord } from './satisfaction-store';

type Db = Kysely<Database>;

export async function addRating(db: Db, r: RatingRecord): Promise<boolean> {
  const result = await db
    .insertInto('conversation_ratings')
    .values({
      id: r.id,
      conversation_id: r.conversationId,
      inbox_id: r.inboxId,
      visitor_id: r.visitorId,
      resolution: r.resolution,
      score: r.score,
      comment: r.comment,
      created_at: r.createdAt,
    })
    .onConflict((oc) => oc.columns(['conversation_id', 'resolution']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The ratings a filter selects (inboxes, dates, the conversation's assignee), before ordering. */
function filtered(db: Db, f: RatingFilter) {
  // Qualified names: countRatings joins conversations, which has inbox_id and created_at too.
  let query = db
    .selectFrom('conversation_ratings')
    .where('conversation_ratings.inbox_id', 'in', [...f.inboxIds]);
  if (f.from !== undefined) query = query.where('conversation_ratings.created_at', '>=', f.from);
  if (f.to !== undefined) query = query.where('conversation_ratings.created_at', '<', f.to);
  const agentId = f.agentId;
  if (agentId !== undefined)
    query = query.where('conversation_ratings.conversation_id', 'in', (eb) =>
      eb
        .selectFrom('conversations as assigned')
        .select('assigned.id')
        .where('assigned.assignee_id', '=', agentId),
    );
  return query;
}

export async function listRatings(db: Db, q: RatingQuery): Promise<RatingRecord[]> {
  if (q.inboxIds.length === 0) return [];
  let query = filtered(db, q).selectAll();
  if (q.conversationId !== undefined) query = query.where('conversation_id', '=', q.conversationId);
  const after = q.after;
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map(toRating);
}

export async function countRatings(db: Db, f: RatingFilter): Promise<RatingCount[]> {
  if (f.inboxIds.length === 0) return [];
  const rows = await filtered(db, f)
    .leftJoin('conversations', 'conversations.id', 'conversation_ratings.conversation_id')
    .select((eb) => [
      'conversation_ratings.inbox_id as inbox_id',
      'conversations.assignee_id as assignee_id',
      'conversation_ratings.score as score',
      eb.fn.countAll<number | string>().as('n'),
    ])
    .groupBy(['conversation_ratings.inbox_id', 'conversations.assignee_id', 'conversation_ratings.score'])
    .execute();
  return rows.map((r) => ({
    inboxId: r.inbox_id,
    agentId: r.assignee_id ?? null,
    score: Number(r.score),
    count: Number(r.n),
  }));
}

export async function countResolutions(db: Db, conversationId: string): Promise<number> {
  const row = await db
    .selectFrom('conversation_activity')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('conversation_id', '=', conversationId)
    .where('kind', '=', 'resolved')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function inboxHours(db: Db, inboxId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('inbox_hours')
    .select('schedule')
    .where('inbox_id', '=', inboxId)
    .executeTakeFirst();
  return row?.schedule;
}

export async function allInboxHours(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('inbox_hours').select(['inbox_id', 'schedule']).execute();
  return new Map(rows.map((r) => [r.inbox_id, r.schedule]));
}

export async function setInboxHours(db: Db, inboxId: string, schedule: string, now: number): Promise<void> {
  await db
    .insertInto('inbox_hours')
    .values({ inbox_id: inboxId, schedule, updated_at: now })
    .onConflict((oc) => oc.column('inbox_id').doUpdateSet({ schedule, updated_at: now }))
    .execute();
}

function toRating(row: Selectable<ConversationRatingsTable>): RatingRecord {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    inboxId: row.inbox_id,
    visitorId: row.visitor_id,
    resolution: Number(row.resolution),
    score: Number(row.score),
    comment: row.comment,
    createdAt: Number(row.created_at),
  };
}
