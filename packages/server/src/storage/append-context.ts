/** What writing appends needs, and the retry every append transaction gets. */
import type { Kysely } from 'kysely';
import type { Database } from './database';
import type { HotQueries } from './hot-queries';
import type { TermsThread } from './search/terms-thread';
import type { StoreDialect } from './store-dialect';

export interface AppendContext {
  db: Kysely<Database>;
  dialect: StoreDialect;
  queries: HotQueries;
  /** Where a batch's search terms are computed (PostgreSQL stores them in the message's row). */
  terms: TermsThread;
}

const ATTEMPTS = 3;

/** Runs `work` again when it lost a lock race (deadlock, serialization failure): nothing was written. */
export async function retrying<T>(ctx: AppendContext, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || ctx.dialect.classify(error) !== 'retry') throw error;
    }
  }
}

export function inTransaction<T>(
  ctx: AppendContext,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return retrying(ctx, () => ctx.db.transaction().execute(work));
}
