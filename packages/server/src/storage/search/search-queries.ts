/**
 * Searching: the conversations with a message matching every word, filtered like an inbox list, most
 * recently updated first, then their newest matching messages. The match itself is the one thing that
 * differs by store: FTS5's MATCH on SQLite, a tsquery against the GIN-indexed tsvector on PostgreSQL;
 * both receive the exact terms of domain/search, never the text as typed.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SearchTerms } from '../../domain/search/search-query';
import { SEARCH_LIMITS } from '../../domain/search/search-query';
import { filtered } from '../conversation-queries';
import { toConversation, toMessage, type Database } from '../database';
import { engineOf } from './search-indexing';
import type { SearchFilter, SearchHit, SearchPage, SearchRequest } from './search-store';
import type { FullTextEngine } from './search-tables';

type Db = Kysely<Database>;

export async function searchConversations(db: Db, request: SearchRequest): Promise<SearchPage> {
  const { filter, terms, limit, after } = request;
  if (filter.inboxIds.length === 0) return { hits: [] };
  const engine = engineOf(db);
  const matching = matchingRows(engine, terms, filter);
  // The matching set is computed once, then conversations are checked against it. On PostgreSQL
  // `offset 0` keeps the planner from running the full-text match once per conversation instead (a
  // nested loop it chose with stale statistics after a bulk load: minutes on 1M messages). SQLite
  // already computes an IN subquery once.
  const fence = engine === 'tsvector' ? sql` offset 0` : sql``;
  let select = filtered(db, filter)
    .selectAll()
    .where(sql<boolean>`id in (select conversation_id from message_search where ${matching}${fence})`);
  if (after !== undefined)
    select = select.where((eb) =>
      eb.or([
        eb('updated_at', '<', after.updatedAt),
        eb.and([eb('updated_at', '=', after.updatedAt), eb('id', '<', after.id)]),
      ]),
    );
  const rows = await select
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const conversations = rows.slice(0, limit).map(toConversation);
  const hits = await withMatches(db, matching, conversations);
  const last = conversations.at(-1);
  return rows.length > limit && last !== undefined
    ? { hits, next: { updatedAt: last.updatedAt, id: last.id } }
    : { hits };
}

/** The condition on message_search rows that match the words, within from/to. */
function matchingRows(engine: FullTextEngine, terms: SearchTerms, filter: SearchFilter): RawBuilder<boolean> {
  const match =
    engine === 'fts5'
      ? sql`message_search match ${fts5Query(terms)}`
      : sql`terms @@ ${tsQuery(terms)}::tsquery`;
  const parts = [match];
  if (filter.from !== undefined) parts.push(sql`created_at >= ${filter.from}`);
  if (filter.to !== undefined) parts.push(sql`created_at < ${filter.to}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/** `("a" OR "b") AND ("c")`: every word, through any of its stems; each a quoted FTS5 string. */
export function fts5Query(terms: SearchTerms): string {
  const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;
  return terms.words.map((stems) => `(${stems.map(quote).join(' OR ')})`).join(' AND ');
}

/** `('a' | 'b') & ('c')`: quoted lexemes, taken as they are (a cast to tsquery does not normalise). */
export function tsQuery(terms: SearchTerms): string {
  const quote = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  return terms.words.map((stems) => `(${stems.map(quote).join(' | ')})`).join(' & ');
}

interface Ranked {
  message_id: string;
  conversation_id: string;
  n: number | string;
}

async function withMatches(
  db: Db,
  matching: RawBuilder<boolean>,
  conversations: readonly ReturnType<typeof toConversation>[],
): Promise<SearchHit[]> {
  if (conversations.length === 0) return [];
  const ids = conversations.map((c) => c.id);
  const { rows } = await sql<Ranked>`
    select message_id, conversation_id, n from (
      select message_id, conversation_id,
        row_number() over (partition by conversation_id order by created_at desc, message_id desc) as rn,
        count(*) over (partition by conversation_id) as n
      from message_search
      where ${matching} and conversation_id in (${sql.join(ids)})
    ) ranked
    where rn <= ${SEARCH_LIMITS.matchesPerConversation}`.execute(db);
  const messages =
    rows.length === 0
      ? []
      : (
          await db
            .selectFrom('messages')
            .selectAll()
            .where(
              'id',
              'in',
              rows.map((r) => r.message_id),
            )
            .execute()
        ).map(toMessage);
  return conversations.map((conversation) => {
    const mine = rows.filter((r) => r.conversation_id === conversation.id);
    const matches = messages
      .filter((m) => m.conversationId === conversation.id)
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    return { conversation, matches, matchCount: Number(mine[0]?.n ?? 0) };
  });
}
