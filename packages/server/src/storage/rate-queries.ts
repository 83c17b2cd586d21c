/** Limit states for limits across nodes: see rate-store.ts. */
import type { Kysely } from 'kysely';
import type { LimitState } from '../domain/rate-limits';
import type { Database } from './database';
import type { LimitChange, StoredLimit } from './rate-store';

type Db = Kysely<Database>;

export async function readLimit(db: Db, key: string): Promise<StoredLimit | undefined> {
  const row = await db
    .selectFrom('rate_limits')
    .select(['hits', 'window_start', 'blocked_until', 'expires_at', 'version'])
    .where('key', '=', key)
    .executeTakeFirst();
  return (
    row && {
      hits: row.hits,
      windowStart: row.window_start,
      blockedUntil: row.blocked_until,
      expiresAt: row.expires_at,
      version: row.version,
    }
  );
}

export async function swapLimit(
  db: Db,
  key: string,
  change: { version: number; next: LimitState },
): Promise<boolean> {
  const { version, next } = change;
  const values = {
    hits: next.hits,
    window_start: next.windowStart,
    blocked_until: next.blockedUntil,
    expires_at: next.expiresAt,
    version: version + 1,
  };
  if (version === 0) {
    // Absent: the first of several inserting writers wins, the others see no row inserted.
    const result = await db
      .insertInto('rate_limits')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const result = await db
    .updateTable('rate_limits')
    .set(values)
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Read, decide and write in one transaction. With concurrent writers (PostgreSQL) the row is locked; an
 * absent key is first inserted as an empty placeholder (version 0, already expired), which waits for any
 * other node inserting the same key, so there is always a row to lock. SQLite runs one write
 * transaction at a time, so the plain read is already alone.
 */
export async function decideLimit<T>(
  db: Db,
  key: string,
  options: { lock: boolean; decide: (stored: LimitState | undefined) => LimitChange<T> },
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const read = () => {
      const query = trx
        .selectFrom('rate_limits')
        .select(['hits', 'window_start', 'blocked_until', 'expires_at', 'version'])
        .where('key', '=', key);
      return (options.lock ? query.forUpdate() : query).executeTakeFirst();
    };
    let row = await read();
    if (!row && options.lock) {
      await trx
        .insertInto('rate_limits')
        .values({ key, hits: 0, window_start: 0, blocked_until: 0, expires_at: 0, version: 0 })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      row = await read();
    }
    const stored =
      row && row.version > 0
        ? {
            hits: row.hits,
            windowStart: row.window_start,
            blockedUntil: row.blocked_until,
            expiresAt: row.expires_at,
          }
        : undefined;
    const { next, result } = options.decide(stored);
    if (next) {
      const values = {
        hits: next.hits,
        window_start: next.windowStart,
        blocked_until: next.blockedUntil,
        expires_at: next.expiresAt,
        version: (row?.version ?? 0) + 1,
      };
      if (row) await trx.updateTable('rate_limits').set(values).where('key', '=', key).execute();
      else
        await trx
          .insertInto('rate_limits')
          .values({ key, ...values })
          .execute();
    }
    return result;
  });
}

export async function deleteLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

export async function pruneLimits(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
