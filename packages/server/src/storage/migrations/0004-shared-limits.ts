/**
 * Limits that hold across nodes (login attempts, new visitors and conversations per address) keep a
 * small state per key in `rate_limits`, swapped atomically by version; rows past `expires_at` are
 * pruned. Visitors get `last_seen_at`, so those who never started a conversation can be purged once
 * idle, and not while their token is still in use.
 */
import { sql, type Kysely, type Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('blocked_until', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_expires_idx').on('rate_limits').column('expires_at').execute();

  await db.schema
    .alterTable('visitors')
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .updateTable('visitors')
    .set({ last_seen_at: sql`created_at` })
    .execute();
  await db.schema.createIndex('visitors_last_seen_idx').on('visitors').column('last_seen_at').execute();
}

export const sharedLimits: Migration = { up };
