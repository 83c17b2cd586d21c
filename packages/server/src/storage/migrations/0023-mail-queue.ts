/**
 * The outgoing mail queue (mail/mail-queue.ts): mails waiting for their first or next attempt, kept in
 * the store so a node that stops while the SMTP server is down loses none of them; any node claims due
 * rows with a lease (like webhook_deliveries, migration 0019). A row is deleted once sent or given up.
 * Mails carrying a secret (recovery codes) are never written here: they stay in the sending node's memory.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('mail_queue')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_queue_due_idx').on('mail_queue').column('next_attempt_at').execute();
}

export const mailQueue: Migration = { up };
