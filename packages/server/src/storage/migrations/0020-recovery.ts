/**
 * The recovery conversation (issue 14): its case (which account the visitor named and which one on file
 * it matched), the codes sent (only a keyed hash of each, with a version so two tries at once never both
 * count as the last one), the proofs they gave, and the audit trail of who did what. No code is ever
 * kept in clear, and contacts appear only masked (the full value stays in account_contacts).
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('recovery_cases')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('inbox_id', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('claimed_account', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('identity_sub', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recovery_cases_account_idx')
    .on('recovery_cases')
    .columns(['account_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('standing', 'text', (c) => c.notNull())
    .addColumn('masked', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recovery_codes_conversation_idx')
    .on('recovery_codes')
    .columns(['conversation_id', 'issued_at'])
    .execute();

  await db.schema
    .createTable('recovery_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('standing', 'text', (c) => c.notNull())
    .addColumn('masked', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recovery_verifications_conversation_idx')
    .on('recovery_verifications')
    .columns(['conversation_id', 'at'])
    .execute();

  // Recovery matches a named account by its email or phone: current or recently replaced values.
  await db.schema
    .createIndex('account_contacts_value_idx')
    .on('account_contacts')
    .columns(['channel', 'value'])
    .execute();

  await db.schema
    .createTable('audit_entries')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('account_external_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_entries_at_idx').on('audit_entries').columns(['at', 'id']).execute();
  await db.schema
    .createIndex('audit_entries_conversation_idx')
    .on('audit_entries')
    .columns(['conversation_id', 'at', 'id'])
    .execute();
}

export const recovery: Migration = { up };
