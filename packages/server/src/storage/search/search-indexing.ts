/**
 * Keeping the index in step with the messages (migration 0013), without adding a row to any append:
 *
 * - PostgreSQL: the insert that stores a message writes its terms in the same row (`searchTermsSql`,
 *   used by every write path); `indexPendingMessages` only fills rows that have none, found through a
 *   partial index that is empty in steady state (rows from before 0013, or from a node on older code).
 *   SKIP LOCKED lets several nodes do it at once.
 * - SQLite: one writer, so rowids grow in commit order; `indexPendingMessages` indexes the messages past
 *   the high-water mark and moves it, in one transaction, so a crash loses nothing and indexes nothing
 *   twice. The appends pay nothing; the indexer (commands/search-indexer.ts) and each search run it.
 *   Rowids are never reused while no message is deleted; erasure, when it deletes messages, must delete
 *   their index rows and lower the mark to the highest rowid left.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { joinedTerms } from '../../domain/search/search-terms';
import type { TermsThread } from './terms-thread';

export { joinedTerms };
import type { Database } from '../database';
import type { FullTextEngine, SearchTables } from './search-tables';

export function engineOf(db: Kysely<Database>): FullTextEngine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'tsvector' : 'fts5';
}

/** The tsvector of terms given as `joinedTerms`; empty (not NULL: NULL means "not indexed yet") for none. */
export function searchTermsSql(joined: unknown): RawBuilder<string> {
  return sql<string>`array_to_tsvector(string_to_array(${joined}::text, ' '))`;
}

/** Indexes up to `limit` messages that are not yet; how many it looked at (fewer than `limit`: done). */
export async function indexPendingMessages(
  db: Kysely<Database>,
  limit: number,
  thread: TermsThread,
): Promise<number> {
  return engineOf(db) === 'fts5' ? indexPastMark(db, limit, thread) : fillMissingTerms(db, limit, thread);
}

/**
 * The terms are computed before the transaction, on the terms thread: SQLite's one connection would
 * otherwise be held (and every append kept waiting) for as long as that takes. The mark is read again
 * inside: rows another drain indexed meanwhile (a search drains too) are not indexed twice.
 */
async function indexPastMark(db: Kysely<Database>, limit: number, thread: TermsThread): Promise<number> {
  const tables = db.withTables<SearchTables>();
  const markOf = async (q: typeof tables) =>
    (
      await q
        .selectFrom('search_progress')
        .select('indexed_rowid')
        .where('id', '=', 1)
        .executeTakeFirstOrThrow()
    ).indexed_rowid;
  const { rows } = await sql<{ rowid: number; body: string }>`
    select rowid, body from messages where rowid > ${await markOf(tables)} order by rowid limit ${limit}`.execute(
    db,
  );
  const last = rows.at(-1);
  if (last === undefined) return 0;
  const terms = await thread.termsOf(rows.map((r) => r.body));
  await tables.transaction().execute(async (trx) => {
    const mark = await markOf(trx);
    if (mark >= last.rowid) return;
    const values = rows
      .map((r, i) => ({ rowid: r.rowid, terms: terms[i] ?? '' }))
      .filter((r) => r.rowid > mark && r.terms !== '')
      .map((r) => sql`(${r.rowid}, ${r.terms})`);
    if (values.length > 0)
      await sql`insert into message_search (rowid, terms) values ${sql.join(values)}`.execute(trx);
    await trx.updateTable('search_progress').set({ indexed_rowid: last.rowid }).where('id', '=', 1).execute();
  });
  return rows.length;
}

async function fillMissingTerms(db: Kysely<Database>, limit: number, thread: TermsThread): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; body: string }>`
      select id, body from messages where search_terms is null limit ${limit} for update skip locked`.execute(
      trx,
    );
    if (rows.length === 0) return 0;
    const terms = await thread.termsOf(rows.map((r) => r.body));
    await sql`
      update messages set search_terms = ${searchTermsSql(sql.ref('v.terms'))}
      from unnest(${rows.map((r) => r.id)}::text[], ${terms}::text[]) as v(id, terms)
      where messages.id = v.id`.execute(trx);
    return rows.length;
  });
}
