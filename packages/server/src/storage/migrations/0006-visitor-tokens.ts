/**
 * Visitor tokens rotate on use and expire when idle (domain/visitor-tokens.ts). A visitor may hold
 * several valid tokens for a moment (the one just replaced, during its grace, as many times as tabs
 * raced), so tokens get a table of their own. visitors.token_hash stays as the first token issued.
 */
import { sql, type Kysely, type Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  // No foreign key: visitors are purged in bulk, and a token of a missing visitor resumes nobody.
  await db.schema
    .createTable('visitor_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('used_at', 'bigint', (c) => c.notNull())
    .addColumn('replaced_until', 'bigint')
    .execute();
  await db.schema
    .createIndex('visitor_tokens_visitor_idx')
    .on('visitor_tokens')
    .column('visitor_id')
    .execute();
  // Tokens issued before this step have no record of their last use: their idle time starts now, so an
  // upgrade signs out nobody who was active.
  const now = Date.now();
  await db
    .insertInto('visitor_tokens')
    .columns(['token_hash', 'visitor_id', 'used_at'])
    .expression(db.selectFrom('visitors').select(['token_hash', 'id', sql.lit(now).as('used_at')]))
    .execute();
}

export const visitorTokens: Migration = { up };
