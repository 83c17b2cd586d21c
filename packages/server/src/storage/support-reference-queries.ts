/** Support references: see support-reference-store.ts. */
import type { Kysely } from 'kysely';
import type { Database } from './database';
import type { SupportReferenceRecord } from './support-reference-store';

type Db = Kysely<Database>;

export async function createSupportReference(db: Db, r: SupportReferenceRecord): Promise<void> {
  await db
    .insertInto('support_references')
    .values({
      reference_hash: r.referenceHash,
      agent_id: r.agentId,
      conversation_id: r.conversationId,
      issued_at: r.issuedAt,
      expires_at: r.expiresAt,
      revoked_at: r.revokedAt,
    })
    .execute();
}

export async function findSupportReference(
  db: Db,
  referenceHash: string,
): Promise<SupportReferenceRecord | undefined> {
  const row = await db
    .selectFrom('support_references')
    .selectAll()
    .where('reference_hash', '=', referenceHash)
    .executeTakeFirst();
  return (
    row && {
      referenceHash: row.reference_hash,
      agentId: row.agent_id,
      conversationId: row.conversation_id,
      issuedAt: Number(row.issued_at),
      expiresAt: Number(row.expires_at),
      revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    }
  );
}

export async function revokeSupportReference(db: Db, referenceHash: string, at: number): Promise<boolean> {
  const r = await db
    .updateTable('support_references')
    .set({ revoked_at: at })
    .where('reference_hash', '=', referenceHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function pruneSupportReferences(db: Db, now: number): Promise<number> {
  const r = await db.deleteFrom('support_references').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
