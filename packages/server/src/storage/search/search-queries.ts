/**
 * Searching: the conversations with a message matching every word, filtered like an inbox list, most
 * recently updated first, then their newest matching messages. The match itself is the one thing that
 * differs by store: FTS5's MATCH on SQLite (message_search, by the messages' rowids), a tsquery against
 * the GIN-indexed `messages.search_terms` on PostgreSQL; both receive the exact terms of domain/search,
 * never the text as typed.
 *
 * Two plans, chosen by how many messages match. A rare word: the matching messages are found first
 * (the index gives them all at once), then the conversations among them. A common word ("commande" in
 * a shop's inbox) would make that plan read hundreds of thousands of rows to show twenty: instead the
 * conversations are walked newest first and each is probed for a matching message, which stops as soon
 * as the page is full. Measured over 1 million messages in docs/performance.md.
 */
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { SearchTerms } from '../../domain/search/search-query';
import { SEARCH_LIMITS } from '../../domain/search/search-query';
import { filtered } from '../conversation-queries';
import { MESSAGE_COLUMNS, toConversation, toMessage, type Database, type MessagesTable } from '../database';
import { engineOf } from './search-indexing';
import type { SearchFilter, SearchHit, SearchPage, SearchRequest } from './search-store';
import type { FullTextEngine } from './search-tables';

type Db = Kysely<Database>;

/** From this many matching messages on, conversations are probed one by one instead. */
export const COMMON_MATCHES = 2_000;

/** `commonFrom`: tests pass 1 or Infinity to force one plan. */
export async function searchConversations(
  db: Db,
  request: SearchRequest,
  commonFrom = COMMON_MATCHES,
): Promise<SearchPage> {
  const { filter, terms, limit, after } = request;
  if (filter.inboxIds.length === 0) return { hits: [] };
  const match = new Match(engineOf(db), terms, filter);
  const common =
    commonFrom !== Infinity && (await countUpTo(db, match, Math.max(1, commonFrom))) >= commonFrom;
  let select = filtered(db, filter)
    .selectAll()
    .where(common ? match.inConversation() : match.conversationIn());
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
  const hits = await withMatches(db, match, conversations);
  const last = conversations.at(-1);
  return rows.length > limit && last !== undefined
    ? { hits, next: { updatedAt: last.updatedAt, id: last.id } }
    : { hits };
}

/** The words' match, as each plan needs it. */
class Match {
  constructor(
    private readonly engine: FullTextEngine,
    private readonly terms: SearchTerms,
    private readonly filter: SearchFilter,
  ) {}

  /** Rare word: `conversations.id` among those of the matching messages, computed once. */
  conversationIn(): RawBuilder<boolean> {
    // On PostgreSQL `offset 0` keeps the planner from running the full-text match once per conversation
    // instead (a nested loop it chose with stale statistics after a bulk load: minutes on 1M messages).
    // SQLite already computes an IN subquery once.
    const fence = this.engine === 'tsvector' ? sql` offset 0` : sql``;
    return sql<boolean>`conversations.id in (
      select m.conversation_id from messages m where ${this.onRowOf('m')}${fence})`;
  }

  /** Common word: whether the conversation at hand has a matching message, probed through its messages. */
  inConversation(): RawBuilder<boolean> {
    return sql<boolean>`exists (select 1 from messages m
      where m.conversation_id = conversations.id and ${this.onRowOf('m')})`;
  }

  /** How many messages match, counting no further than `most`. */
  countUpTo(most: number): RawBuilder<{ n: number | string }> {
    // Dates are left out: a count that only picks a plan need not be exact, and on SQLite the FTS5
    // index alone answers it.
    return this.engine === 'fts5'
      ? sql`select count(*) as n from (
          select rowid from message_search where message_search match ${this.fts5()} limit ${most}) x`
      : sql`select count(*) as n from (
          select 1 from messages where search_terms @@ ${this.tsQuery()}::tsquery limit ${most}) x`;
  }

  /**
   * The condition on the messages row named `m`. On SQLite the FTS5 matches are read once per statement
   * into a set the rows are checked against: a MATCH per row (an FTS5 lookup by rowid) costs over
   * 100 µs each, which a walk through thousands of messages cannot afford.
   */
  onRowOf(m: string): RawBuilder<boolean> {
    const row = (column: string) => sql.ref(`${m}.${column}`);
    const match =
      this.engine === 'tsvector'
        ? sql`${row('search_terms')} @@ ${this.tsQuery()}::tsquery`
        : sql`${row('rowid')} in (select rowid from message_search where message_search match ${this.fts5()})`;
    const parts = [match];
    if (this.filter.from !== undefined) parts.push(sql`${row('created_at')} >= ${this.filter.from}`);
    if (this.filter.to !== undefined) parts.push(sql`${row('created_at')} < ${this.filter.to}`);
    return sql<boolean>`${sql.join(parts, sql` and `)}`;
  }

  private fts5(): string {
    return fts5Query(this.terms);
  }

  private tsQuery(): string {
    return tsQuery(this.terms);
  }
}

async function countUpTo(db: Db, match: Match, most: number): Promise<number> {
  const { rows } = await match.countUpTo(most).execute(db);
  return Number(rows[0]?.n ?? 0);
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

type Ranked = Selectable<MessagesTable> & { n: number | string };

async function withMatches(
  db: Db,
  match: Match,
  conversations: readonly ReturnType<typeof toConversation>[],
): Promise<SearchHit[]> {
  if (conversations.length === 0) return [];
  const ids = conversations.map((c) => c.id);
  const columns = sql.join(MESSAGE_COLUMNS.map((c) => sql.ref(`m.${c}`)));
  const { rows } = await sql<Ranked>`
    select ${sql.join(MESSAGE_COLUMNS.map((c) => sql.ref(c)))}, n from (
      select ${columns},
        row_number() over (partition by m.conversation_id order by m.created_at desc, m.id desc) as rn,
        count(*) over (partition by m.conversation_id) as n
      from messages m
      where m.conversation_id in (${sql.join(ids)}) and ${match.onRowOf('m')}
    ) ranked
    where rn <= ${SEARCH_LIMITS.matchesPerConversation}
    order by created_at desc, id desc`.execute(db);
  return conversations.map((conversation) => {
    const mine = rows.filter((r) => r.conversation_id === conversation.id);
    return { conversation, matches: mine.map(toMessage), matchCount: Number(mine[0]?.n ?? 0) };
  });
}
