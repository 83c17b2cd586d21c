/**
 * The agents' tools (issue 12). Private notes and the activity trail are tables of their own, not
 * messages: they take no seq, so a visitor's stream stays gap-free and nothing of them can reach a
 * visitor through history. Tags are rows (one per tag), so the inbox can filter by tag with an index.
 * Canned responses are shared (owner_id null) or personal; `scope_key` makes a shortcut unique per
 * owner and language on both stores (a NULL owner would not collide in a unique index).
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('conversation_notes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversation_notes_conversation_idx')
    .on('conversation_notes')
    .columns(['conversation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('conversation_activity')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull()) // JSON: small, read whole, never queried into
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversation_activity_conversation_idx')
    .on('conversation_activity')
    .columns(['conversation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('conversation_tags')
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_tags_pk', ['conversation_id', 'tag'])
    .execute();
  await db.schema.createIndex('conversation_tags_tag_idx').on('conversation_tags').column('tag').execute();

  await db.schema
    .createTable('canned_responses')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('owner_id', 'text')
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('shortcut', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('canned_responses_unique_idx')
    .on('canned_responses')
    .columns(['scope_key', 'shortcut', 'locale'])
    .unique()
    .execute();
}

export const agentTools: Migration = { up };
