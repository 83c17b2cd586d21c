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
    .select(['visitors.id', 'visitors.name', 'visitors.locale', 'visitors.created_at'])
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
      .select(['visitors.id', 'visitors.name', 'visitors.locale', 'visitors.created_at'])
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
    .select(['id', 'name', 'locale', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toVisitor(row);
}
