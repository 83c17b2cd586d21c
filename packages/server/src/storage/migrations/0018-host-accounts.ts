/**
 * The host site's back end (issue 14): API tokens (only their hash is kept) and the accounts it keeps
 * on file. An account's contacts are a history, not a value: a replaced email stays, with when it was
 * replaced, because a code may still go to it for a while (domain/recovery/contact-on-file.ts). The
 * partial unique index keeps one current value per account and channel, whatever two nodes do at once.
 */
import { sql, type Kysely, type Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();

  await db.schema
    .createTable('host_accounts')
    .addColumn('external_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('account_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('set_at', 'bigint', (c) => c.notNull())
    .addColumn('replaced_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('account_contacts_account_idx')
    .on('account_contacts')
    .columns(['external_id', 'set_at'])
    .execute();
  await db.schema
    .createIndex('account_contacts_current_idx')
    .on('account_contacts')
    .columns(['external_id', 'channel'])
    .unique()
    .where(sql.ref('replaced_at'), 'is', null)
    .execute();
}

export const hostAccounts: Migration = { up };
