/**
 * The inbox now reads open and resolved conversations apart (commands/read-conversations.ts): every
 * open one, longest waiting first, then the latest resolved. An index by inbox and last update alone
 * would make "open, oldest first" walk the resolved history first, so status joins the key. It replaces
 * the old index rather than adding one: every message moves updated_at, and each index on it is one
 * more write per message.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('conversations_inbox_status_updated_idx')
    .on('conversations')
    .columns(['inbox_id', 'status', 'updated_at'])
    .execute();
  await db.schema.dropIndex('conversations_inbox_updated_idx').execute();
}

export const openQueueIndex: Migration = { up };
