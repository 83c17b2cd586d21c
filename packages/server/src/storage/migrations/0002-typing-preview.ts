/**
 * Typing preview: the inbox policy, each conversation's preview switch, the consent trail (the only
 * thing kept about drafts: never their text), admins' redaction rules, and redaction events (what kind
 * of secret was masked, never the secret). Booleans are integers 0/1 on both dialects.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('inboxes')
    .addColumn('preview_policy', 'text', (c) => c.notNull().defaultTo('on_with_notice'))
    .execute();
  await db.schema
    .alterTable('conversations')
    .addColumn('preview_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('preview_consents')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('notice_shown', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('preview_consents_conversation')
    .on('preview_consents')
    .columns(['conversation_id', 'created_at'])
    .execute();

  // Node-shared secrets, created once by whichever node needs them first (e.g. the draft sealing key).
  await db.schema
    .createTable('secrets')
    .addColumn('name', 'text', (c) => c.primaryKey().notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('redaction_rules')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('validator', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('redaction_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('redaction_events_conversation')
    .on('redaction_events')
    .columns(['conversation_id', 'created_at'])
    .execute();
}

export const typingPreview: Migration = { up };
