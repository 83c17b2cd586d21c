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
import { indexTerms } from '../../domain/search/search-terms';
import type { Database } from '../database';
import type { FullTextEngine, SearchTables } from './search-tables';

export function engineOf(db: Kysely<Database>): FullTextEngine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'tsvector' : 'fts5';
}

/**
 * A message's terms as one parameter: the stems joined by spaces (a stem never holds one). One string
 * binds far cheaper than a text[] the driver would quote element by element.
 */
export function joinedTerms(body: string): string {
  return indexTerms(body).join(' ');
}

/** The tsvector of terms given as `joinedTerms`; empty (not NULL: NULL means "not indexed yet") for none. */
export function searchTermsSql(joined: unknown): RawBuilder<string> {
  return sql<string>`array_to_tsvector(string_to_array(${joined}::text, ' '))`;
}

/** Indexes up to `limit` messages that are not yet; how many it looked at (fewer than `limit`: done). */
export async function indexPendingMessages(db: Kysely<Database>, limit: number): Promise<number> {
  return engineOf(db) === 'fts5' ? indexPastMark(db, limit) : fillMissingTerms(db, limit);
}

async function indexPastMark(db: Kysely<Database>, limit: number): Promise<number> {
  return db
    .withTables<SearchTables>()
    .transaction()
    .execute(async (trx) => {
      const { indexed_rowid: mark } = await trx
        .selectFrom('search_progress')
        .select('indexed_rowid')
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      const { rows } = await sql<{ rowid: number; body: string }>`
        select rowid, body from messages where rowid > ${mark} order by rowid limit ${limit}`.execute(trx);
      const last = rows.at(-1);
      if (last === undefined) return 0;
      const values = rows
        .map((r) => ({ rowid: r.rowid, terms: joinedTerms(r.body) }))
        .filter((r) => r.terms !== '')
        .map((r) => sql`(${r.rowid}, ${r.terms})`);
      if (values.length > 0)
        await sql`insert into message_search (rowid, terms) values ${sql.join(values)}`.execute(trx);
      await trx
        .updateTable('search_progress')
        .set({ indexed_rowid: last.rowid })
        .where('id', '=', 1)
        .execute();
      return rows.length;
    });
}

async function fillMissingTerms(db: Kysely<Database>, limit: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; body: string }>`
      select id, body from messages where search_terms is null limit ${limit} for update skip locked`.execute(
      trx,
    );
    if (rows.length === 0) return 0;
    await sql`
      update messages set search_terms = ${searchTermsSql(sql.ref('v.terms'))}
      from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => joinedTerms(r.body))}::text[])
        as v(id, terms)
      where messages.id = v.id`.execute(trx);
    return rows.length;
  });
}
