/**
 * The grouped write of a batch, inside its transaction: two reads (the clientKeys already stored; the
 * conversations, locked in id order on PostgreSQL so two nodes' batches never wait on each other in a
 * cycle), a plan made in memory (append-plan.ts), then at most three writes whatever the batch size.
 * Any statement error propagates: the caller rolls back and falls back to one request at a time.
 */
import { sql, type Kysely } from 'kysely';
import type { MessageRecord } from '../domain/types';
import type { Settled } from './append-batcher';
import { planAppends } from './append-plan';
import { engineOf, joinedTerms, searchTermsSql } from './search/search-indexing';
import { MESSAGE_COLUMNS, toConversation, toMessage, type ConversationRow, type Database } from './database';
import { clientKeyOf, type AppendRequest } from './message-append';
import type { AppendResult } from './store';
import type { StoreDialect } from './store-dialect';

type Db = Kysely<Database>;

export async function writeGrouped(
  trx: Db,
  dialect: StoreDialect,
  requests: readonly AppendRequest[],
): Promise<Settled<AppendResult>[]> {
  const stored = await readStored(trx, requests);
  const ids = [
    ...requests.map((r) => r.conversationId),
    ...[...stored.values()].map((m) => m.conversationId),
  ];
  const rows = await lockConversations(trx, dialect, ids);
  const plan = planAppends(requests, stored, rows);
  if (plan.created.length > 0) {
    for (const row of await trx.insertInto('conversations').values(plan.created).returningAll().execute())
      rows.set(row.id, row);
  }
  if (plan.moved.size > 0) {
    const ends = [...plan.moved];
    const pick = (column: 'last_seq' | 'updated_at', value: (end: (typeof ends)[number]) => number) =>
      sql<number>`case ${sql.ref('id')} ${sql.join(
        ends.map((end) => sql`when ${end[0]} then ${value(end)}`),
        sql` `,
      )} else ${sql.ref(column)} end`;
    await trx
      .updateTable('conversations')
      .set({
        last_seq: pick('last_seq', ([, at]) => at.lastSeq),
        updated_at: pick('updated_at', ([, at]) => at.updatedAt),
      })
      .where('id', 'in', [...plan.moved.keys()])
      .execute();
  }
  if (plan.messages.length > 0) {
    // Terms depend on the body alone, so the ones computed for a request serve any message of that body.
    const known = new Map(requests.map((r) => [r.message.body, r.terms]));
    const termsOf =
      engineOf(trx) === 'tsvector' ? (body: string) => known.get(body) ?? joinedTerms(body) : undefined;
    await trx
      .insertInto('messages')
      .values(plan.messages.map((m) => toRow(m, termsOf)))
      .execute();
  }
  return plan.outcomes.map((outcome) => {
    if (!outcome.ok) return outcome;
    const row = rows.get(outcome.message.conversationId);
    if (row === undefined) throw new Error(`conversation ${outcome.message.conversationId} vanished`);
    const conversation = { ...toConversation(row), ...outcome.at };
    return { ok: true, value: { message: outcome.message, conversation, created: outcome.created } };
  });
}

/** The messages already stored under the batch's clientKeys, by clientKeyOf. */
async function readStored(trx: Db, requests: readonly AppendRequest[]): Promise<Map<string, MessageRecord>> {
  const keyed = new Map(requests.map((r) => [clientKeyOf(r.message), r.message] as const));
  keyed.delete(undefined);
  if (keyed.size === 0) return new Map();
  // A row-value IN over a VALUES list: one index probe per key on both engines, and cheap to plan
  // (an OR of 256 conjunctions costs PostgreSQL tens of milliseconds of planning).
  const tuples = [...keyed.values()].map((m) => sql`(${m.authorType}, ${m.authorId}, ${m.clientKey})`);
  const rows = await trx
    .selectFrom('messages')
    .select(MESSAGE_COLUMNS)
    .where(sql<boolean>`(author_type, author_id, client_key) in (values ${sql.join(tuples)})`)
    .execute();
  return new Map(rows.map((row) => toMessage(row)).map((m) => [clientKeyOf(m) ?? '', m]));
}

/** The conversations' rows; on PostgreSQL also row-locked, in id order, until the transaction ends. */
export async function lockConversations(
  trx: Db,
  dialect: StoreDialect,
  ids: readonly string[],
): Promise<Map<string, ConversationRow>> {
  if (ids.length === 0) return new Map();
  let query = trx
    .selectFrom('conversations')
    .selectAll()
    .where('id', 'in', [...new Set(ids)]);
  // NO KEY UPDATE, the lock an UPDATE takes: it leaves the foreign-key checks of inserts unblocked.
  if (dialect.concurrentWriters) query = query.orderBy('id').forNoKeyUpdate();
  return new Map((await query.execute()).map((row) => [row.id, row]));
}

/** `termsOf` on PostgreSQL, where the insert writes the message's search terms too (migration 0013). */
function toRow(m: MessageRecord, termsOf: ((body: string) => string) | undefined) {
  return {
    ...(termsOf && { search_terms: searchTermsSql(termsOf(m.body)) }),
    id: m.id,
    conversation_id: m.conversationId,
    seq: m.seq,
    author_type: m.authorType,
    author_id: m.authorId,
    body: m.body,
    client_key: m.clientKey,
    created_at: m.createdAt,
  };
}
