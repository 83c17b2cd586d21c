/**
 * Recovery actions (issue 14): what an agent asked for in a recovery conversation and what became of it
 * (approved, awaiting a second person, cooling off, refused, stopped by the old contact). `version` makes
 * every change a conditional update, so two approvers at once, or the cooling-off tick on two nodes,
 * change an action once. The new contact of a change_contact is kept for the host's webhook only
 * (agents see it masked); the stop link's token is kept as its SHA-256 only.
 *
 * Also: the recovery settings (one row, JSON, read on each request: actions are rare) and the takeover
 * signals raised per conversation (one row per kind, so "a new signal" is an insert that succeeded).
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('recovery_actions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('inbox_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'bigint')
    .addColumn('decided_by', 'text')
    .addColumn('new_contact_channel', 'text')
    .addColumn('new_contact_value', 'text')
    .addColumn('cooling_off_until', 'bigint')
    .addColumn('stop_token_hash', 'text', (c) => c.unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recovery_actions_conversation_idx')
    .on('recovery_actions')
    .columns(['conversation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('recovery_actions_status_idx')
    .on('recovery_actions')
    .columns(['status', 'cooling_off_until'])
    .execute();

  await db.schema
    .createTable('recovery_settings')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recovery_signals')
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('recovery_signals_pk', ['conversation_id', 'kind'])
    .execute();
}

export const recoveryActions: Migration = { up };
