/** Inbox preview policies, and each conversation's preview switch with its consent trail. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PreviewPolicy } from '@candor/protocol';
import type { ConsentRecord, ConversationRecord, InboxRecord } from '../domain/types';
import { toConversation, type Database } from './database';

type Db = Kysely<Database>;

const toInbox = (row: { id: string; name: string; preview_policy: PreviewPolicy }): InboxRecord => ({
  id: row.id,
  name: row.name,
  previewPolicy: row.preview_policy,
});

export async function listInboxes(db: Db): Promise<InboxRecord[]> {
  const rows = await db
    .selectFrom('inboxes')
    .select(['id', 'name', 'preview_policy'])
    .orderBy('id')
    .execute();
  return rows.map(toInbox);
}

export async function updateInboxPolicy(
  db: Db,
  id: string,
  policy: PreviewPolicy,
): Promise<InboxRecord | undefined> {
  const row = await db
    .updateTable('inboxes')
    .set({ preview_policy: policy })
    .where('id', '=', id)
    .returning(['id', 'name', 'preview_policy'])
    .executeTakeFirst();
  return row && toInbox(row);
}

/** The switch and its consent record change together or not at all. */
export function setPreview(db: Db, conversationId: string, consent: Omit<ConsentRecord, 'conversationId'>) {
  return db.transaction().execute(async (tx): Promise<ConversationRecord | undefined> => {
    const row = await tx
      .updateTable('conversations')
      .set({ preview_enabled: consent.enabled ? 1 : 0 })
      .where('id', '=', conversationId)
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    await tx
      .insertInto('preview_consents')
      .values({
        id: randomUUID(),
        conversation_id: conversationId,
        visitor_id: consent.visitorId,
        policy: consent.policy,
        enabled: consent.enabled ? 1 : 0,
        notice_shown: consent.noticeShown ? 1 : 0,
        created_at: consent.createdAt,
      })
      .execute();
    return toConversation(row);
  });
}

/**
 * An admin tightened the inbox's policy: every switch left on in it is turned off, each with a consent
 * record (the new policy, notice not shown) so the trail says when and why. Returns how many.
 */
export function resetPreviews(db: Db, inboxId: string, at: { policy: PreviewPolicy; createdAt: number }) {
  return db.transaction().execute(async (tx): Promise<number> => {
    const rows = await tx
      .updateTable('conversations')
      .set({ preview_enabled: 0 })
      .where('inbox_id', '=', inboxId)
      .where('preview_enabled', '=', 1)
      .returning(['id', 'visitor_id'])
      .execute();
    // In slices: SQLite takes at most 32,766 parameters per statement.
    for (let i = 0; i < rows.length; i += 500) {
      const slice = rows.slice(i, i + 500).map((r) => ({
        id: randomUUID(),
        conversation_id: r.id,
        visitor_id: r.visitor_id,
        policy: at.policy,
        enabled: 0,
        notice_shown: 0,
        created_at: at.createdAt,
      }));
      await tx.insertInto('preview_consents').values(slice).execute();
    }
    return rows.length;
  });
}

export async function listConsents(db: Db, conversationId: string): Promise<ConsentRecord[]> {
  const rows = await db
    .selectFrom('preview_consents')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    conversationId: r.conversation_id,
    visitorId: r.visitor_id,
    policy: r.policy,
    enabled: Number(r.enabled) === 1,
    noticeShown: Number(r.notice_shown) === 1,
    createdAt: r.created_at,
  }));
}
