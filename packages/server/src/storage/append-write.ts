/**
 * Writes one batch of appends in ONE transaction (AppendBatcher's `write`). A lone request takes the
 * shortest path with message-append.ts's semantics (append-lone.ts). On PostgreSQL a batch first tries
 * one statement (append-one-statement.ts), which writes all or nothing. Otherwise it runs the grouped write
 * (append-grouped.ts); if one of its statements fails (a key or conversation id another node stored
 * meanwhile, an unknown visitor), the transaction rolls back, nothing having been committed, and the batch is written again
 * one request at a time, each in a savepoint, so the failure stays with its request. A deadlock or
 * serialization failure reruns the transaction; a lost connection rejects the whole batch.
 */
import { sql, type Kysely } from 'kysely';
import type { Settled } from './append-batcher';
import { inTransaction, retrying, type AppendContext } from './append-context';
import { fitsOneStatement, writeInOneStatement } from './append-one-statement';
import { lockConversations, writeGrouped } from './append-grouped';
import { writeLone } from './append-lone';
import type { Database } from './database';
import { appendOne, findStored, type AppendRequest } from './message-append';
import type { AppendResult } from './store';
import type { StoreDialect } from './store-dialect';

type Db = Kysely<Database>;
type Outcomes = Settled<AppendResult>[];

export async function writeAppends(
  ctx: AppendContext,
  submitted: readonly AppendRequest[],
): Promise<Outcomes> {
  const [only] = submitted;
  if (only !== undefined && submitted.length === 1) {
    return writeLone(ctx, only).then(
      (value) => [{ ok: true, value }],
      (error: unknown) => [{ ok: false, error }],
    );
  }
  const requests = ctx.queries.searchTermsInRow ? await withTerms(ctx, submitted) : submitted;
  const { appendBatch } = ctx.queries;
  if (appendBatch !== undefined && fitsOneStatement(requests)) {
    const outcomes = await retrying(ctx, () => writeInOneStatement(ctx.db, appendBatch, requests)).catch(
      (error: unknown) => fallBackUnless(ctx, error),
    );
    if (outcomes !== undefined) return outcomes;
  }
  const grouped = await inTransaction(ctx, (trx) => writeGrouped(trx, ctx.dialect, requests)).catch(
    (error: unknown) => fallBackUnless(ctx, error),
  );
  return grouped ?? inTransaction(ctx, (trx) => writeOneByOne(trx, ctx.dialect, requests));
}

/**
 * The requests with their search terms: asked for when each was submitted (usually ready by now), or
 * computed on the terms thread for those that were not.
 */
async function withTerms(ctx: AppendContext, requests: readonly AppendRequest[]): Promise<AppendRequest[]> {
  const missing = requests.filter((r) => r.termsReady === undefined).map((r) => r.message.body);
  const computed = missing.length > 0 ? await ctx.terms.termsOf(missing) : [];
  let next = 0;
  const terms = await Promise.all(requests.map((r) => r.termsReady ?? Promise.resolve(computed[next++])));
  return requests.map((r, i) => ({ ...r, terms: terms[i] }));
}

/** A lost connection or a lost lock race ends the batch (the caller retries); anything else falls back. */
function fallBackUnless(ctx: AppendContext, error: unknown): undefined {
  const kind = ctx.dialect.classify(error);
  if (kind === 'unavailable' || kind === 'retry') throw error;
  return undefined;
}

async function writeOneByOne(
  trx: Db,
  dialect: StoreDialect,
  requests: readonly AppendRequest[],
): Promise<Outcomes> {
  await lockConversations(
    trx,
    dialect,
    requests.map((r) => r.conversationId),
  );
  const outcomes: Outcomes = [];
  for (const request of requests) {
    await sql`savepoint candor_append`.execute(trx);
    try {
      const value = await appendOne(trx, request);
      await sql`release savepoint candor_append`.execute(trx);
      outcomes.push({ ok: true, value });
    } catch (error) {
      const kind = dialect.classify(error);
      if (kind === 'unavailable' || kind === 'retry') throw error;
      await sql`rollback to savepoint candor_append`.execute(trx);
      await sql`release savepoint candor_append`.execute(trx);
      // Two sends of one key raced and the other won: answer with its message, as a retry would get.
      const stored = kind === 'unique' ? await findStored(trx, request.message) : undefined;
      outcomes.push(stored === undefined ? { ok: false, error } : { ok: true, value: stored });
    }
  }
  return outcomes;
}
