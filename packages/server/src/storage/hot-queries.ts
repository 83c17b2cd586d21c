/**
 * The statements every chat message runs (its sender's authorisation read, then the append), prepared
 * once per store (prepared-query.ts) instead of built for each call. Everything else builds its query
 * per call: it runs too rarely for the building to matter.
 */
import type { InsertResult, Kysely, QueryCreator, Selectable } from 'kysely';
import type { ConversationRecord } from '../domain/types';
import {
  toConversation,
  type ConversationRow,
  type ConversationsTable,
  type Database,
  type MessagesTable,
} from './database';
import { prepareQuery, type PreparedQuery } from './prepared-query';
import { engineOf, searchTermsSql } from './search/search-indexing';
import { prepareAppendBatch, type AppendBatchQuery } from './append-one-statement';
import type { StoreDialect } from './store-dialect';

/**
 * A message to insert, with its search terms joined (search-indexing.ts `joinedTerms`): written on
 * PostgreSQL (migration 0013), not computed nor sent on SQLite, which indexes after the appends.
 */
type MessageRow = Selectable<MessagesTable> & { search_terms: string };
/** A message to insert; its seq comes from the conversation the same statement moves. */
export type NewMessageRow = Omit<MessageRow, 'seq'>;

export interface HotQueries {
  conversation: PreparedQuery<{ id: string }, ConversationRow>;
  /** Takes the next seq of a conversation: the row as moved, or none if there is no such conversation. */
  bump: PreparedQuery<{ id: string; now: number }, ConversationRow>;
  insertMessage: PreparedQuery<MessageRow, InsertResult>;
  /**
   * Only where the dialect runs writes inside WITH: `bump` and `insertMessage` as ONE statement, atomic
   * without a transaction. Inserts nothing when there is no such conversation.
   */
  bumpAndInsert?: PreparedQuery<NewMessageRow, ConversationRow>;
  /** Only there too: a batch's common case in one statement (append-one-statement.ts). */
  appendBatch?: AppendBatchQuery;
  /** Whether inserts take the message's search terms (PostgreSQL, migration 0013). */
  searchTermsInRow: boolean;
}

/**
 * Named, not `*`: on PostgreSQL these run as named prepared statements (postgres/named-statements.ts),
 * and a prepared `*` fails ("cached plan must not change result type") once another node's migration
 * adds a column. Listed, an added column changes nothing for a node that does not know it yet.
 */
export const CONVERSATION_COLUMNS = [
  'id',
  'inbox_id',
  'visitor_id',
  'status',
  'assignee_id',
  'last_seq',
  'preview_enabled',
  'created_at',
  'updated_at',
  'priority',
  'team_id',
] as const satisfies readonly (keyof ConversationsTable)[];

export function prepareHotQueries(db: Kysely<Database>, dialect: StoreDialect): HotQueries {
  return {
    conversation: prepareQuery(db, (p) =>
      db.selectFrom('conversations').select(CONVERSATION_COLUMNS).where('id', '=', p('id')),
    ),
    bump: prepareQuery(db, (p) => bumpConversation(db, p('id'), p('now'))),
    insertMessage: prepareQuery(db, (p) =>
      db.insertInto('messages').values({
        id: p('id'),
        conversation_id: p('conversation_id'),
        seq: p('seq'),
        author_type: p('author_type'),
        author_id: p('author_id'),
        body: p('body'),
        client_key: p('client_key'),
        created_at: p('created_at'),
        ...(engineOf(db) === 'tsvector' && { search_terms: searchTermsSql(p('search_terms')) }),
      }),
    ),
    searchTermsInRow: engineOf(db) === 'tsvector',
    ...(dialect.writingCtes && {
      bumpAndInsert: prepareBumpAndInsert(db),
      appendBatch: prepareAppendBatch(db),
    }),
  };
}

function bumpConversation(db: QueryCreator<Database>, id: string, now: number) {
  return db
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .returning(CONVERSATION_COLUMNS);
}

function prepareBumpAndInsert(db: Kysely<Database>): PreparedQuery<NewMessageRow, ConversationRow> {
  return prepareQuery<NewMessageRow, ConversationRow>(db, (p) =>
    db
      .with('bumped', (qc) => bumpConversation(qc, p('conversation_id'), p('created_at')))
      .with('added', (qc) =>
        qc
          .insertInto('messages')
          .columns([
            'id',
            'conversation_id',
            'seq',
            'author_type',
            'author_id',
            'body',
            'client_key',
            'created_at',
            // Only prepared on PostgreSQL (WITH that writes), where the row keeps its terms (0013).
            'search_terms',
          ])
          // INSERT ... SELECT: no row, so no message, when the UPDATE found no conversation. A parameter
          // in a select list has no type from its column, hence the casts.
          .expression((eb) =>
            eb
              .selectFrom('bumped')
              .select([
                eb.cast<string>(eb.val(p('id')), 'text').as('id'),
                'bumped.id as conversation_id',
                'bumped.last_seq as seq',
                eb.cast<string>(eb.val(p('author_type')), 'text').as('author_type'),
                eb.cast<string | null>(eb.val(p('author_id')), 'text').as('author_id'),
                eb.cast<string>(eb.val(p('body')), 'text').as('body'),
                eb.cast<string | null>(eb.val(p('client_key')), 'text').as('client_key'),
                eb.cast<number>(eb.val(p('created_at')), 'bigint').as('created_at'),
                searchTermsSql(p('search_terms')).as('search_terms'),
              ]),
          ),
      )
      .selectFrom('bumped')
      .selectAll(),
  );
}

/** The SQL of every hot query, to be prepared once per connection where the driver can. */
export function hotStatements(queries: HotQueries): string[] {
  return [
    queries.conversation,
    queries.bump,
    queries.insertMessage,
    queries.bumpAndInsert,
    queries.appendBatch,
  ]
    .filter((query) => query !== undefined)
    .map((query) => query.sql);
}

/** getConversation through the prepared statement. */
export async function readConversation(
  db: Kysely<Database>,
  queries: HotQueries,
  id: string,
): Promise<ConversationRecord | undefined> {
  const [row] = (await queries.conversation.execute(db, { id })).rows;
  return row && toConversation(row);
}
