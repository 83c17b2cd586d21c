/** The development outbox and reply links' tokens: see mail-store.ts. */
import type { Kysely } from 'kysely';
import type { Database } from './database';
import type { OutboxMail, ReopenGrant } from './mail-store';

type Db = Kysely<Database>;

export async function addOutboxMail(db: Db, m: OutboxMail): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      id: m.id,
      to_address: m.to,
      subject: m.subject,
      text_body: m.text,
      html_body: m.html,
      created_at: m.createdAt,
      channel: m.channel ?? 'email',
    })
    .execute();
}

export async function listOutbox(db: Db, limit: number): Promise<OutboxMail[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    createdAt: Number(r.created_at),
    channel: r.channel,
  }));
}

export async function createReopenToken(
  db: Db,
  t: ReopenGrant & { tokenHash: string; expiresAt: number; now: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Expired links are of no use to anyone: each new one sweeps them.
    await trx.deleteFrom('reopen_tokens').where('expires_at', '<=', t.now).execute();
    await trx
      .insertInto('reopen_tokens')
      .values({
        token_hash: t.tokenHash,
        visitor_id: t.visitorId,
        conversation_id: t.conversationId,
        expires_at: t.expiresAt,
        created_at: t.now,
      })
      .execute();
  });
}

export async function claimReopenToken(
  db: Db,
  c: { tokenHash: string; visitorTokenHash: string; now: number },
): Promise<ReopenGrant | undefined> {
  return db.transaction().execute(async (trx) => {
    // DELETE … RETURNING: of two nodes claiming at once, one gets the row.
    const row = await trx
      .deleteFrom('reopen_tokens')
      .where('token_hash', '=', c.tokenHash)
      .returning(['visitor_id', 'conversation_id', 'expires_at'])
      .executeTakeFirst();
    if (!row || Number(row.expires_at) <= c.now) return undefined;
    const visitor = await trx
      .selectFrom('visitors')
      .select('id')
      .where('id', '=', row.visitor_id)
      .executeTakeFirst();
    if (!visitor) return undefined;
    await trx
      .insertInto('visitor_tokens')
      .values({ token_hash: c.visitorTokenHash, visitor_id: row.visitor_id, used_at: c.now })
      .execute();
    return { visitorId: row.visitor_id, conversationId: row.conversation_id };
  });
}
