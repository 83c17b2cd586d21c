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
