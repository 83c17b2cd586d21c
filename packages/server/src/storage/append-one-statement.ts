/**
 * A batch of appends as ONE statement, where the dialect runs writes inside WITH (PostgreSQL): the
 * batch's common case (messages to existing conversations, no clientKey twice) in one round trip
 * instead of the grouped write's six (begin, the stored keys, the locks, the update, the insert,
 * commit). The statement's text never changes with the batch (every value goes in an array), so the
 * server parses the same text each time and the driver binds a handful of parameters.
 *
 * It is all or nothing, and nothing is a fallback, never an answer: when a conversation is missing it
 * writes nothing (the count guard), and when a clientKey is already stored the unique index fails the
 * statement, which undoes it whole. Either way the caller runs the grouped write, whose plan
 * (append-plan.ts) answers each request as message-append.ts would.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Settled } from './append-batcher';
import { toConversation, type ConversationRow, type Database } from './database';
import { clientKeyOf, storedRecord, type AppendRequest } from './message-append';
import { prepareQuery, type PreparedQuery } from './prepared-query';
import { joinedTerms, searchTermsSql } from './search/search-indexing';
import type { AppendResult } from './store';

/** Column arrays, one entry per message (m_*) or per conversation (c_*). */
type BatchArrays = {
  m_id: string[];
  m_conversation_id: string[];
  /** The message's place among the batch's messages to its conversation: 1, 2, … */
  m_k: number[];
  m_author_type: string[];
  m_author_id: (string | null)[];
  m_body: string[];
  m_client_key: (string | null)[];
  m_created_at: number[];
  /**
   * Each message's search terms joined by spaces (search-indexing.ts), the row keeps them (migration
   * 0013), as one array literal: terms are letters and digits only, so each element needs quotes and
   * nothing else, and the driver's per-element escaping (a measurable share of a batch) is skipped.
   */
  m_terms: string;
  c_id: string[];
  /** How many messages the conversation gets. */
  c_n: number[];
  /** Its updated_at afterwards: its last message's time. */
  c_updated_at: number[];
  c_count: number;
};

type MovedRow = ConversationRow;

export type AppendBatchQuery = PreparedQuery<BatchArrays, MovedRow>;

/**
 * Locks the conversations in id order, as the grouped write does (so two nodes' batches never wait on
 * each other in a cycle), moves each by its count only if every one exists, and inserts the messages
 * at the seqs the move made room for. Returns the moved rows: none when nothing was written.
 */
export function prepareAppendBatch(db: Kysely<Database>): AppendBatchQuery {
  return prepareQuery<BatchArrays, MovedRow>(db, (p) => {
    const raw = sql<MovedRow>`
      with m as (
        select * from unnest(
          ${p('m_id')}::text[], ${p('m_conversation_id')}::text[], ${p('m_k')}::int[],
          ${p('m_author_type')}::text[], ${p('m_author_id')}::text[], ${p('m_body')}::text[],
          ${p('m_client_key')}::text[], ${p('m_created_at')}::bigint[], ${p('m_terms')}::text[]
        ) as m(id, conversation_id, k, author_type, author_id, body, client_key, created_at, terms)
      ),
      c as (
        select * from unnest(${p('c_id')}::text[], ${p('c_n')}::int[], ${p('c_updated_at')}::bigint[])
          as c(id, n, updated_at)
      ),
      locked as materialized (
        select conversations.id from conversations join c on c.id = conversations.id
        order by conversations.id for no key update of conversations
      ),
      moved as (
        update conversations
        set last_seq = conversations.last_seq + c.n, updated_at = c.updated_at
        from c
        where c.id = conversations.id
          and (select count(*) from locked) = ${p('c_count')}::int
        returning conversations.id, conversations.inbox_id, conversations.visitor_id,
          conversations.status, conversations.assignee_id, conversations.last_seq,
          conversations.preview_enabled, conversations.created_at, conversations.updated_at,
          conversations.priority, conversations.team_id, conversations.last_seq - c.n as seq_before
      ),
      added as (
        insert into messages (id, conversation_id, seq, author_type, author_id, body, client_key, created_at,
          search_terms)
        select m.id, m.conversation_id, moved.seq_before + m.k, m.author_type, m.author_id, m.body,
          m.client_key, m.created_at, ${searchTermsSql(sql.ref('m.terms'))}
        from m join moved on moved.id = m.conversation_id
      )
      select id, inbox_id, visitor_id, status, assignee_id, last_seq, preview_enabled, created_at,
        updated_at, priority, team_id
      from moved`;
    return { compile: () => raw.compile(db) };
  });
}

/** Whether the one statement can answer this batch: no conversation starts, no clientKey twice. */
export function fitsOneStatement(requests: readonly AppendRequest[]): boolean {
  const keys = new Set<string>();
  for (const request of requests) {
    if (request.start !== undefined) return false;
    const key = clientKeyOf(request.message);
    if (key === undefined) continue;
    if (keys.has(key)) return false;
    keys.add(key);
  }
  return true;
}

/** The batch's outcomes, or undefined when nothing was written (a conversation is missing). */
export async function writeInOneStatement(
  db: Kysely<Database>,
  query: AppendBatchQuery,
  requests: readonly AppendRequest[],
): Promise<Settled<AppendResult>[] | undefined> {
  const arrays: BatchArrays = {
    m_id: [],
    m_conversation_id: [],
    m_k: [],
    m_author_type: [],
    m_author_id: [],
    m_body: [],
    m_client_key: [],
    m_created_at: [],
    m_terms: '',
    c_id: [],
    c_n: [],
    c_updated_at: [],
    c_count: 0,
  };
  const counts = new Map<string, { n: number; updatedAt: number }>();
  const terms: string[] = [];
  for (const { conversationId, message, terms: known } of requests) {
    const counted = counts.get(conversationId) ?? { n: 0, updatedAt: message.now };
    counted.n += 1;
    counted.updatedAt = message.now;
    counts.set(conversationId, counted);
    arrays.m_id.push(randomUUID());
    arrays.m_conversation_id.push(conversationId);
    arrays.m_k.push(counted.n);
    arrays.m_author_type.push(message.authorType);
    arrays.m_author_id.push(message.authorId);
    arrays.m_body.push(message.body);
    arrays.m_client_key.push(message.clientKey);
    arrays.m_created_at.push(message.now);
    terms.push(`"${known ?? joinedTerms(message.body)}"`);
  }
  arrays.m_terms = `{${terms.join(',')}}`;
  for (const [id, { n, updatedAt }] of counts) {
    arrays.c_id.push(id);
    arrays.c_n.push(n);
    arrays.c_updated_at.push(updatedAt);
  }
  arrays.c_count = counts.size;
  const { rows } = await query.execute(db, arrays);
  if (rows.length !== counts.size) return undefined;
  const moved = new Map(rows.map((row) => [row.id, row]));
  return requests.map(({ conversationId, message }, i): Settled<AppendResult> => {
    const row = moved.get(conversationId)!; // every conversation moved: checked above
    const seq = row.last_seq - counts.get(conversationId)!.n + arrays.m_k[i]!;
    const record = storedRecord(arrays.m_id[i]!, conversationId, seq, message);
    // Each answer shows the conversation just after its own message, as one-at-a-time appends would.
    const conversation = { ...toConversation(row), lastSeq: seq, updatedAt: message.now };
    return { ok: true, value: { message: record, conversation, created: true } };
  });
}
