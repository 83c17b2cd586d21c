/**
 * Full-text search (storage/search/). Terms are computed in JavaScript (domain/search/search-terms.ts)
 * so both stores agree; the database keeps and matches them: an FTS5 table on SQLite, a tsvector with a
 * GIN index on PostgreSQL. No extension is needed, so no CREATE EXTENSION can fail for want of rights.
 *
 * Every message insert queues its id in `search_pending` by trigger, in the inserting transaction, so no
 * write path (lone, grouped, one-statement) can forget one and none of them changes; the indexer
 * (search-indexing.ts) turns queued ids into terms right after, and a search indexes what is still
 * queued before it matches. Messages already stored are queued here, the backfill, and indexed by
 * Store.migrate() before it returns.
 */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('search_pending')
    .addColumn('message_id', 'text', (c) => c.primaryKey().notNull())
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await upPostgres(db);
  else await upSqlite(db);
  await sql`insert into search_pending (message_id) select id from messages`.execute(db);
}

async function upSqlite(db: AnyDb): Promise<void> {
  // Terms arrive folded and stemmed; unicode61 only splits them at the spaces between them. Searches
  // are words AND-ed and OR-ed, never phrases nor ranked: detail=none keeps no positions and
  // columnsize=0 no lengths, so each insert writes less (it runs for every message).
  await sql`create virtual table message_search using fts5(
    terms, message_id unindexed, conversation_id unindexed, created_at unindexed,
    tokenize = 'unicode61 remove_diacritics 0', detail = none, columnsize = 0
  )`.execute(db);
  await sql`create trigger messages_search_enqueue after insert on messages begin
    insert or ignore into search_pending (message_id) values (new.id);
  end`.execute(db);
}

async function upPostgres(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('message_search')
    .addColumn('message_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('terms', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`create index message_search_terms_idx on message_search using gin (terms)`.execute(db);
  await db.schema
    .createIndex('message_search_conversation_idx')
    .on('message_search')
    .column('conversation_id')
    .execute();
  // One insert per statement (a batch of appends is one statement), not one per row. The table is
  // named without a schema: it resolves through the inserting session's search_path, as every query does.
  await sql`create function candor_search_enqueue() returns trigger language plpgsql as $$
    begin
      insert into search_pending (message_id) select id from new_messages on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`create trigger messages_search_enqueue after insert on messages
    referencing new table as new_messages
    for each statement execute function candor_search_enqueue()`.execute(db);
}

export const search: Migration = { up };
