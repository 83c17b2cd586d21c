/** Visitors, found by the SHA-256 of the token their widget keeps. */
import type { Kysely } from 'kysely';
import type { VisitorRecord } from '../domain/types';
import type { TokenWindow } from '../domain/visitor-tokens';
import { toVisitor, type Database } from './database';

type Db = Kysely<Database>;

export async function createVisitor(db: Db, visitor: VisitorRecord & { tokenHash: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
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
    await trx
      .insertInto('visitor_tokens')
      .values({ token_hash: visitor.tokenHash, visitor_id: visitor.id, used_at: visitor.createdAt })
      .execute();
  });
}

/** The visitor whose current token (not yet replaced, whatever its age) hashes to `tokenHash`. */
export async function findVisitorByTokenHash(db: Db, tokenHash: string): Promise<VisitorRecord | undefined> {
  const row = await db
    .selectFrom('visitor_tokens')
    .innerJoin('visitors', 'visitors.id', 'visitor_tokens.visitor_id')
    .select([
      'visitors.id',
      'visitors.name',
      'visitors.locale',
      'visitors.created_at',
      'visitors.verification',
    ])
    .where('visitor_tokens.token_hash', '=', tokenHash)
    .where('visitor_tokens.replaced_until', 'is', null)
    .executeTakeFirst();
  return row && toVisitor(row);
}

/**
 * In one transaction: the visitor holding a valid token with this hash gets `newTokenHash`; its current
 * token (or tokens, when two nodes rotated at once) becomes a replaced one, valid for the grace; its
 * replaced tokens past their grace are deleted. Every token issued thus stays valid for at least the
 * grace after it is replaced, however many tabs raced.
 */
export async function rotateVisitorToken(
  db: Db,
  hashes: { tokenHash: string; newTokenHash: string },
  window: TokenWindow,
): Promise<VisitorRecord | undefined> {
  return db.transaction().execute(async (trx) => {
    const held = await trx
      .selectFrom('visitor_tokens')
      .innerJoin('visitors', 'visitors.id', 'visitor_tokens.visitor_id')
      .select([
        'visitors.id',
        'visitors.name',
        'visitors.locale',
        'visitors.created_at',
        'visitors.verification',
      ])
      .where('visitor_tokens.token_hash', '=', hashes.tokenHash)
      .where('visitor_tokens.used_at', '>', window.usedAfter)
      .where((eb) =>
        eb.or([
          eb('visitor_tokens.replaced_until', 'is', null),
          eb('visitor_tokens.replaced_until', '>', window.now),
        ]),
      )
      .executeTakeFirst();
    if (held === undefined) return undefined;
    await trx
      .updateTable('visitor_tokens')
      .set({ replaced_until: window.previousUntil })
      .where('visitor_id', '=', held.id)
      .where('replaced_until', 'is', null)
      .execute();
    await trx
      .deleteFrom('visitor_tokens')
      .where('visitor_id', '=', held.id)
      .where('replaced_until', '<=', window.now)
      .execute();
    await trx
      .insertInto('visitor_tokens')
      .values({ token_hash: hashes.newTokenHash, visitor_id: held.id, used_at: window.now })
      .execute();
    return toVisitor(held);
  });
}

export async function findVisitorById(db: Db, id: string): Promise<VisitorRecord | undefined> {
  const row = await db
    .selectFrom('visitors')
    .select(['id', 'name', 'locale', 'created_at', 'verification'])
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
    const batch = await db.transaction().execute(async (trx) => {
      const idle = await trx
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
        .limit(PURGE_BATCH)
        .execute();
      if (idle.length === 0) return { deleted: 0, last: true };
      const ids = idle.map((v) => v.id);
      // Checked again in the delete: a conversation started since the select keeps its visitor.
      const result = await trx
        .deleteFrom('visitors')
        .where('id', 'in', ids)
        .where('last_seen_at', '<', seenBefore)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('conversations as c').select('c.id').whereRef('c.visitor_id', '=', 'visitors.id'),
            ),
          ),
        )
        .executeTakeFirst();
      // Their tokens go with them (a token of a missing visitor resumes nobody, but would stay for good).
      await trx
        .deleteFrom('visitor_tokens')
        .where('visitor_id', 'in', ids)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('visitors')
                .select('id')
                .whereRef('visitors.id', '=', 'visitor_tokens.visitor_id'),
            ),
          ),
        )
        .execute();
      // And the pages they visited (migration 0007): nothing of a purged visitor is kept.
      await trx
        .deleteFrom('visitor_pages')
        .where('visitor_id', 'in', ids)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('visitors').select('id').whereRef('visitors.id', '=', 'visitor_pages.visitor_id'),
            ),
          ),
        )
        .execute();
      return { deleted: Number(result.numDeletedRows), last: idle.length < PURGE_BATCH };
    });
    purged += batch.deleted;
    if (batch.last) return purged;
  }
}
