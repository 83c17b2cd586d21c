/**
 * Turns queued message ids (search_pending, filled by trigger in the appending transaction) into index
 * rows, in one transaction: rows written and ids dequeued together, so a crash loses nothing and indexes
 * nothing twice. On PostgreSQL, SKIP LOCKED lets several nodes drain the queue at once without waiting.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { indexTerms } from '../../domain/search/search-terms';
import type { Database } from '../database';
import type { FullTextEngine, SearchTables } from './search-tables';

type Db = Kysely<Database & SearchTables>;

export function engineOf(db: Kysely<Database>): FullTextEngine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'tsvector' : 'fts5';
}

interface Queued {
  message_id: string;
  conversation_id: string | null;
  created_at: number | string | null;
  body: string | null;
}

export async function indexPendingMessages(db: Kysely<Database>, limit: number): Promise<number> {
  const engine = engineOf(db);
  return db
    .withTables<SearchTables>()
    .transaction()
    .execute(async (trx) => {
      const lock = engine === 'tsvector' ? sql`for update of p skip locked` : sql``;
      const { rows } = await sql<Queued>`
        select p.message_id, m.conversation_id, m.created_at, m.body
        from search_pending p left join messages m on m.id = p.message_id
        limit ${limit} ${lock}`.execute(trx);
      if (rows.length === 0) return 0;
      const found = rows.filter((r) => r.body !== null && r.conversation_id !== null);
      if (found.length > 0) await insertRows(trx, engine, found);
      await trx
        .deleteFrom('search_pending')
        .where(
          'message_id',
          'in',
          rows.map((r) => r.message_id),
        )
        .execute();
      return rows.length;
    });
}

async function insertRows(trx: Db, engine: FullTextEngine, rows: readonly Queued[]): Promise<void> {
  const values = rows.map((r) => {
    const terms = indexTerms(r.body ?? '');
    // pg returns bigint as a string; both stores keep epoch ms as a number here.
    const createdAt = Number(r.created_at);
    return engine === 'fts5'
      ? sql`(${terms.join(' ')}, ${r.message_id}, ${r.conversation_id}, ${createdAt})`
      : sql`(${r.message_id}, ${r.conversation_id}, ${createdAt}, array_to_tsvector(${terms}::text[]))`;
  });
  if (engine === 'fts5')
    await sql`insert into message_search (terms, message_id, conversation_id, created_at)
      values ${sql.join(values)}`.execute(trx);
  else
    await sql`insert into message_search (message_id, conversation_id, created_at, terms)
      values ${sql.join(values)} on conflict (message_id) do nothing`.execute(trx);
}
