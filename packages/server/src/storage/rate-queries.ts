/** Limit states for limits across nodes: see rate-store.ts. */
import type { Kysely } from 'kysely';
import type { LimitState } from '../domain/rate-limits';
import type { Database } from './database';
import type { StoredLimit } from './rate-store';

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

export async function deleteLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

export async function pruneLimits(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
