/** Notes, the activity trail, tags and canned responses (see agent-tools-store.ts). */
import type { Kysely, Selectable } from 'kysely';
import type {
  ActivityDetail,
  ActivityRecord,
  CannedResponseRecord,
  NoteRecord,
} from '../domain/agent-tools-types';
import type { ActivityKind } from '@candor/protocol';
import type { CannedResponsePatch } from './agent-tools-store';
import type { CannedResponsesTable, ConversationActivityTable, Database } from './database';

type Db = Kysely<Database>;

export async function addNote(db: Db, note: NoteRecord): Promise<void> {
  await db
    .insertInto('conversation_notes')
    .values({
      id: note.id,
      conversation_id: note.conversationId,
      author_id: note.authorId,
      body: note.body,
      created_at: note.createdAt,
    })
    .execute();
}

export async function listNotes(db: Db, conversationId: string, limit: number): Promise<NoteRecord[]> {
  const rows = await db
    .selectFrom('conversation_notes')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((r) => ({
    id: r.id,
    conversationId: r.conversation_id,
    authorId: r.author_id,
    body: r.body,
    createdAt: Number(r.created_at),
  }));
}

export async function recordActivity(db: Db, entry: ActivityRecord): Promise<void> {
  await db
    .insertInto('conversation_activity')
    .values({
      id: entry.id,
      conversation_id: entry.conversationId,
      kind: entry.kind,
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      detail: JSON.stringify(entry.detail),
      created_at: entry.createdAt,
    })
    .execute();
}

export async function listActivity(db: Db, conversationId: string, limit: number): Promise<ActivityRecord[]> {
  const rows = await db
    .selectFrom('conversation_activity')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map(toActivity);
}

function toActivity(r: Selectable<ConversationActivityTable>): ActivityRecord {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    kind: r.kind as ActivityKind, // written only from ActivityKind values
    actorType: r.actor_type,
    actorId: r.actor_id,
    detail: JSON.parse(r.detail) as ActivityDetail, // written only by recordActivity
    createdAt: Number(r.created_at),
  };
}

export async function setTags(
  db: Db,
  {
    conversationId,
    tags,
    now,
    lock,
  }: { conversationId: string; tags: readonly string[]; now: number; lock: boolean },
): Promise<{ before: string[]; after: string[] } | undefined> {
  return db.transaction().execute(async (trx) => {
    // Held on PostgreSQL, so two agents tagging at once replace the list one after the other.
    const select = trx.selectFrom('conversations').select('id').where('id', '=', conversationId);
    const conversation = await (lock ? select.forUpdate() : select).executeTakeFirst();
    if (!conversation) return undefined;
    const held = await trx
      .selectFrom('conversation_tags')
      .select('tag')
      .where('conversation_id', '=', conversationId)
      .orderBy('tag')
      .execute();
    const before = held.map((r) => r.tag);
    const removed = before.filter((t) => !tags.includes(t));
    const added = tags.filter((t) => !before.includes(t));
    if (removed.length > 0) {
      await trx
        .deleteFrom('conversation_tags')
        .where('conversation_id', '=', conversationId)
        .where('tag', 'in', removed)
        .execute();
    }
    if (added.length > 0) {
      await trx
        .insertInto('conversation_tags')
        .values(added.map((tag) => ({ conversation_id: conversationId, tag, created_at: now })))
        .execute();
    }
    return { before, after: [...tags].sort() };
  });
}

export async function tagsOf(db: Db, conversationIds: readonly string[]): Promise<Map<string, string[]>> {
  const byConversation = new Map<string, string[]>();
  if (conversationIds.length === 0) return byConversation;
  const rows = await db
    .selectFrom('conversation_tags')
    .select(['conversation_id', 'tag'])
    .where('conversation_id', 'in', conversationIds)
    .orderBy('conversation_id')
    .orderBy('tag')
    .execute();
  for (const r of rows) {
    const list = byConversation.get(r.conversation_id);
    if (list) list.push(r.tag);
    else byConversation.set(r.conversation_id, [r.tag]);
  }
  return byConversation;
}

const scopeKey = (ownerId: string | null) => (ownerId === null ? 'shared' : `agent:${ownerId}`);

/**
 * A response in no particular language is stored with locale '' (the column is NOT NULL and part of the
 * unique key, where NULLs would never collide): one language-less `/shortcut` per owner, as per language.
 */
const NO_LOCALE = '';
const storedLocale = (locale: 'en' | 'fr' | null) => locale ?? NO_LOCALE;

function toCanned(r: Selectable<CannedResponsesTable>): CannedResponseRecord {
  return {
    id: r.id,
    ownerId: r.owner_id,
    shortcut: r.shortcut,
    locale: r.locale === 'fr' || r.locale === 'en' ? r.locale : null,
    body: r.body,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export async function listCannedResponses(db: Db, ownerId: string): Promise<CannedResponseRecord[]> {
  const rows = await db
    .selectFrom('canned_responses')
    .selectAll()
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', ownerId)]))
    .orderBy('shortcut')
    .orderBy('locale')
    .orderBy('id')
    .execute();
  return rows.map(toCanned);
}

export async function getCannedResponse(db: Db, id: string): Promise<CannedResponseRecord | undefined> {
  const row = await db.selectFrom('canned_responses').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCanned(row);
}

export async function countCannedResponses(db: Db, ownerId: string | null): Promise<number> {
  const row = await db
    .selectFrom('canned_responses')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('scope_key', '=', scopeKey(ownerId))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function createCannedResponse(db: Db, c: CannedResponseRecord): Promise<void> {
  await db
    .insertInto('canned_responses')
    .values({
      id: c.id,
      owner_id: c.ownerId,
      scope_key: scopeKey(c.ownerId),
      shortcut: c.shortcut,
      locale: storedLocale(c.locale),
      body: c.body,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
    })
    .execute();
}

export async function updateCannedResponse(
  db: Db,
  id: string,
  patch: CannedResponsePatch,
): Promise<CannedResponseRecord | undefined> {
  const row = await db
    .updateTable('canned_responses')
    .set({
      updated_at: patch.now,
      ...(patch.shortcut === undefined ? {} : { shortcut: patch.shortcut }),
      ...(patch.locale === undefined ? {} : { locale: storedLocale(patch.locale) }),
      ...(patch.body === undefined ? {} : { body: patch.body }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toCanned(row);
}

export async function deleteCannedResponse(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('canned_responses').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
