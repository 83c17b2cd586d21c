/**
 * Search without a queue (replaces 0010's trigger, queue table and separate index rows). Measured on the
 * message path, the queue row each append wrote by trigger, then the indexer's read, insert and delete,
 * cost 15-20 % of the closed-loop throughput on both stores (docs/performance.md). Now:
 *
 * - PostgreSQL keeps a message's terms in its own row (`messages.search_terms`, a tsvector under a GIN
 *   index), written by the insert that stores the message: no second row, no second primary key. Rows
 *   without terms (stored before this migration, or by a node still on older code during an upgrade) are
 *   NULL; a partial index finds them, empty in steady state, and the indexer fills them.
 * - SQLite has one writer, so rowids grow in commit order: a contentless FTS5 table is filled after the
 *   appends, by rowid, from a high-water mark (`search_progress`), in batches; the appends pay nothing.
 *
 * Both indexes are rebuilt from the messages (Store.migrate() indexes before it returns).
 */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await upPostgres(db);
  else await upSqlite(db);
  await db.schema.dropTable('search_pending').execute();
}

async function upSqlite(db: AnyDb): Promise<void> {
  await sql`drop trigger messages_search_enqueue`.execute(db);
  await sql`drop table message_search`.execute(db);
  // Contentless: the text is in messages, the table keeps only which rowid has which term. Deletable, for
  // erasure. Searches AND and OR words, never phrases nor ranked: detail=none keeps no positions.
  await sql`create virtual table message_search using fts5(
    terms, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0', detail = none
  )`.execute(db);
  await db.schema
    .createTable('search_progress')
    .addColumn('id', 'integer', (c) =>
      c
        .primaryKey()
        .notNull()
        .check(sql`id = 1`),
    )
    .addColumn('indexed_rowid', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into search_progress (id, indexed_rowid) values (1, 0)`.execute(db);
}

async function upPostgres(db: AnyDb): Promise<void> {
  await sql`drop trigger messages_search_enqueue on messages`.execute(db);
  await sql`drop function candor_search_enqueue()`.execute(db);
  await db.schema.dropTable('message_search').execute();
  await sql`alter table messages add column search_terms tsvector`.execute(db);
  await sql`create index messages_search_terms_idx on messages using gin (search_terms)`.execute(db);
  await sql`create index messages_unindexed_idx on messages (id) where search_terms is null`.execute(db);
}

export const searchInPlace: Migration = { up };
