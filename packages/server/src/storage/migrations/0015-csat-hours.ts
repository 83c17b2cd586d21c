/**
 * Satisfaction and business hours (issue 13). A rating belongs to one resolution of a conversation: the
 * unique (conversation, resolution) index is what refuses a second rating of the same resolution on
 * both stores, even from two nodes at once. An inbox's hours are one JSON row (the API's Schedule,
 * read whole, never queried into); absent means always open, as before.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('conversation_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('inbox_id', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('resolution', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversation_ratings_resolution_idx')
    .on('conversation_ratings')
    .columns(['conversation_id', 'resolution'])
    .unique()
    .execute();
  await db.schema
    .createIndex('conversation_ratings_inbox_idx')
    .on('conversation_ratings')
    .columns(['inbox_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('inbox_hours')
    .addColumn('inbox_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export const csatHours: Migration = { up };
