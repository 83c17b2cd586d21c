/**
 * Mail (issue 13). `mail_outbox` is the development outbox: with no SMTP configured, what would have
 * been sent is kept here for admins to read (GET /api/v1/outbox). `reopen_tokens` are the links in
 * reply emails: only the SHA-256 of the token is kept, with the one conversation (and so the one
 * visitor) it may reopen and when it expires; a token is deleted when used, so it works once.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mail_outbox_created_idx')
    .on('mail_outbox')
    .columns(['created_at', 'id'])
    .execute();

  await db.schema
    .createTable('reopen_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reopen_tokens_expiry_idx').on('reopen_tokens').column('expires_at').execute();
}

export const mail: Migration = { up };
