/**
 * The first schema. Written once with Kysely's schema builder so the same steps run on SQLite and
 * PostgreSQL; only portable column types (text, integer, bigint) are used.
 */
import type { Kysely, Migration } from 'kysely';
import { DEFAULT_INBOX_ID } from '../../domain/types';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('agents')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inboxes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db
    .insertInto('inboxes')
    .values({ id: DEFAULT_INBOX_ID, name: 'Support', created_at: Date.now() })
    .execute();

  await db.schema
    .createTable('agent_inboxes')
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('inbox_id', 'text', (c) => c.notNull().references('inboxes.id'))
    .addPrimaryKeyConstraint('agent_inboxes_pk', ['agent_id', 'inbox_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_agent_idx').on('sessions').column('agent_id').execute();

  await db.schema
    .createTable('visitors')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  // inbox_id has no foreign key yet: inboxes cannot be created through the Store until they are configurable.
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('inbox_id', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('agents.id'))
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversations_inbox_updated_idx')
    .on('conversations')
    .columns(['inbox_id', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('conversations_visitor_created_idx')
    .on('conversations')
    .columns(['visitor_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('client_key', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('messages_conversation_seq_key', ['conversation_id', 'seq'])
    .execute();
  // NULLs are distinct in unique indexes on both engines; visitor and agent messages always carry an
  // author_id, and system messages carry no client_key, so every keyed message is covered.
  await db.schema
    .createIndex('messages_client_key_idx')
    .on('messages')
    .columns(['author_type', 'author_id', 'client_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('agent_reads')
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('last_read_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_reads_pk', ['agent_id', 'conversation_id'])
    .execute();
}

export const initial: Migration = { up };
