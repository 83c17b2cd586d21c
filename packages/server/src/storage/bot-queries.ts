/** The bot's switch, conversation states and message meta: see bot-store.ts. */
import type { Kysely } from 'kysely';
import type { BotArticleLink } from '@candor/protocol';
import type { Database } from './database';
import type { BotMessageMeta, BotStateRecord } from './bot-store';

type Db = Kysely<Database>;

export async function listBotInboxes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('inbox_bots').select('inbox_id').where('enabled', '=', 1).execute();
  return rows.map((r) => r.inbox_id);
}

export async function setInboxBot(db: Db, inboxId: string, enabled: boolean, now: number): Promise<number> {
  const values = { enabled: enabled ? 1 : 0, updated_at: now };
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('inbox_bots')
      .values({ inbox_id: inboxId, ...values })
      .onConflict((oc) => oc.column('inbox_id').doUpdateSet(values))
      .execute();
    if (enabled) return 0;
    // Switched off: the conversations it was answering wait for a person, like a handover.
    const released = await trx
      .updateTable('bot_states')
      .set({ active: 0, updated_at: now, version: (eb) => eb('version', '+', 1) })
      .where('inbox_id', '=', inboxId)
      .where('active', '=', 1)
      .executeTakeFirst();
    return Number(released.numUpdatedRows);
  });
}

export async function loadBotState(db: Db, conversationId: string): Promise<BotStateRecord | undefined> {
  const row = await db
    .selectFrom('bot_states')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return (
    row && {
      conversationId: row.conversation_id,
      inboxId: row.inbox_id,
      version: Number(row.version),
      active: Number(row.active) === 1,
      state: row.state,
      offeredMessageId: row.offered_message_id,
      updatedAt: Number(row.updated_at),
    }
  );
}

export async function saveBotState(db: Db, expectedVersion: number, next: BotStateRecord): Promise<boolean> {
  const values = {
    version: next.version,
    active: next.active ? 1 : 0,
    state: next.state,
    offered_message_id: next.offeredMessageId,
    updated_at: next.updatedAt,
  };
  if (expectedVersion === 0) {
    // The first state: the primary key lets one writer in, whichever node.
    const inserted = await db
      .insertInto('bot_states')
      .values({ conversation_id: next.conversationId, inbox_id: next.inboxId, ...values })
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const updated = await db
    .updateTable('bot_states')
    .set(values)
    .where('conversation_id', '=', next.conversationId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function recordBotMessage(db: Db, meta: BotMessageMeta): Promise<void> {
  await db
    .insertInto('bot_messages')
    .values({
      message_id: meta.messageId,
      conversation_id: meta.conversationId,
      articles: JSON.stringify(meta.articles),
      confidence_milli: Math.round(meta.confidence * 1000),
      active: meta.active ? 1 : 0,
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
}

export async function botMessages(
  db: Db,
  messageIds: readonly string[],
): Promise<Map<string, BotMessageMeta>> {
  const found = new Map<string, BotMessageMeta>();
  if (messageIds.length === 0) return found;
  const rows = await db
    .selectFrom('bot_messages')
    .selectAll()
    .where('message_id', 'in', [...messageIds])
    .execute();
  for (const r of rows)
    found.set(r.message_id, {
      messageId: r.message_id,
      conversationId: r.conversation_id,
      articles: parseArticles(r.articles),
      confidence: Number(r.confidence_milli) / 1000,
      active: Number(r.active) === 1,
    });
  return found;
}

/** Written by this code only, but read defensively: a bad row shows no links rather than failing history. */
function parseArticles(text: string): BotArticleLink[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (a): a is BotArticleLink =>
        typeof a === 'object' &&
        a !== null &&
        typeof (a as BotArticleLink).id === 'string' &&
        typeof (a as BotArticleLink).title === 'string' &&
        typeof (a as BotArticleLink).url === 'string',
    );
  } catch {
    return [];
  }
}
