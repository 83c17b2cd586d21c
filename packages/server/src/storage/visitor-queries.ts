/** Visitors, found by the SHA-256 of the token their widget keeps. */
import type { Kysely } from 'kysely';
import type { VisitorRecord } from '../domain/types';
import { toVisitor, type Database } from './database';

type Db = Kysely<Database>;

export async function createVisitor(db: Db, visitor: VisitorRecord & { tokenHash: string }): Promise<void> {
  await db
    .insertInto('visitors')
    .values({
      id: visitor.id,
      token_hash: visitor.tokenHash,
      name: visitor.name,
      locale: visitor.locale,
      created_at: visitor.createdAt,
      last_seen_at: visitor.createdAt,
    })
    .execute();
}

export async function findVisitorByTokenHash(db: Db, tokenHash: string): Promise<VisitorRecord | undefined> {
  const row = await db
    .selectFrom('visitors')
    .select(['id', 'name', 'locale', 'created_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && toVisitor(row);
}

export async function findVisitorById(db: Db, id: string): Promise<VisitorRecord | undefined> {
  const row = await db
    .selectFrom('visitors')
    .select(['id', 'name', 'locale', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toVisitor(row);
}

/** Last use is kept to the hour: a returning visitor costs one write an hour, not one per page view. */
export const SEEN_GRANULARITY_MS = 3_600_000;

export async function markVisitorSeen(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('visitors')
    .set({ last_seen_at: now })
    .where('id', '=', id)
    .where('last_seen_at', '<=', now - SEEN_GRANULARITY_MS)
    .execute();
}

/** Rows per delete: keeps each transaction short on a large table. */
const PURGE_BATCH = 1000;

/**
 * Deletes visitors last seen before `seenBefore` who never started a conversation. Two nodes running
 * it at once delete each row once between them.
 */
export async function purgeIdleVisitors(db: Db, seenBefore: number): Promise<number> {
  let purged = 0;
  for (;;) {
    const result = await db
      .deleteFrom('visitors')
      .where('id', 'in', (qb) =>
        qb
          .selectFrom('visitors as v')
          .select('v.id')
          .where('v.last_seen_at', '<', seenBefore)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb.selectFrom('conversations as c').select('c.id').whereRef('c.visitor_id', '=', 'v.id'),
              ),
            ),
          )
          .limit(PURGE_BATCH),
      )
      .executeTakeFirst();
    const deleted = Number(result.numDeletedRows);
    purged += deleted;
    if (deleted < PURGE_BATCH) return purged;
  }
}
