/**
 * The agent proven genuine (issue 14). `support_references`: the short references agents give
 * customers, kept by the SHA-256 of their normalised form (the reference itself is shown to the agent
 * once), with who gave it, in which conversation, and until when; the help centre's /verify page
 * looks them up. `mail_outbox.channel`: the development outbox also keeps text messages (SMS) when no
 * SMS provider is configured, so admins read both in one place; rows from before are email.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('support_references')
    .addColumn('reference_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('support_references_agent_idx')
    .on('support_references')
    .columns(['agent_id', 'issued_at'])
    .execute();
  await db.schema
    .createIndex('support_references_expiry_idx')
    .on('support_references')
    .column('expires_at')
    .execute();

  await db.schema
    .alterTable('mail_outbox')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('email'))
    .execute();
}

export const supportReferences: Migration = { up };
