/** Recovery cases, codes, verifications and the audit trail: see recovery-store.ts and audit-store.ts. */
import type { Kysely, Selectable } from 'kysely';
import type { ContactChannel } from '../domain/recovery/contact-on-file';
import type { AuditRecord } from './audit-store';
import type {
  AuditEntriesTable,
  Database,
  RecoveryCasesTable,
  RecoveryCodesTable,
  RecoveryVerificationsTable,
} from './database';
import type {
  AccountContactRow,
  CodeTryWrite,
  ContactMatch,
  RecoveryCaseRecord,
  RecoveryCodeRecord,
  VerificationRecord,
} from './recovery-store';

type Db = Kysely<Database>;

export async function createRecoveryCase(db: Db, c: RecoveryCaseRecord): Promise<void> {
  await db
    .insertInto('recovery_cases')
    .values({
      conversation_id: c.conversationId,
      inbox_id: c.inboxId,
      visitor_id: c.visitorId,
      claimed_account: c.claimedAccount,
      situation: c.situation,
      account_id: c.accountId,
      identity_sub: c.identitySub,
      created_at: c.createdAt,
    })
    .execute();
}

export async function recoveryCase(db: Db, conversationId: string): Promise<RecoveryCaseRecord | undefined> {
  const row = await db
    .selectFrom('recovery_cases')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return row && toCase(row);
}

export async function recoveryConversationIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('recovery_cases')
    .select('conversation_id')
    .where('conversation_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.conversation_id));
}

export async function countRecoveryCases(db: Db, accountId: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_cases')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('account_id', '=', accountId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function visitorIdentitySub(db: Db, visitorId: string): Promise<string | null> {
  const row = await db
    .selectFrom('visitors')
    .select(['external_id', 'verification'])
    .where('id', '=', visitorId)
    .executeTakeFirst();
  return row?.verification === 'signed' ? row.external_id : null;
}

export async function findAccountsByContact(
  db: Db,
  channel: ContactChannel,
  value: string,
): Promise<ContactMatch[]> {
  const rows = await db
    .selectFrom('account_contacts')
    .select(['external_id', 'replaced_at'])
    .where('channel', '=', channel)
    .where('value', '=', value)
    .orderBy('set_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    externalId: r.external_id,
    replacedAt: r.replaced_at === null ? null : Number(r.replaced_at),
  }));
}

export async function listAccountContacts(db: Db, externalId: string): Promise<AccountContactRow[]> {
  const rows = await db
    .selectFrom('account_contacts')
    .select(['id', 'channel', 'value', 'set_at', 'replaced_at'])
    .where('external_id', '=', externalId)
    .orderBy('set_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    value: r.value,
    setAt: Number(r.set_at),
    replacedAt: r.replaced_at === null ? null : Number(r.replaced_at),
  }));
}

export async function createRecoveryCode(db: Db, c: RecoveryCodeRecord): Promise<void> {
  await db
    .insertInto('recovery_codes')
    .values({
      id: c.id,
      conversation_id: c.conversationId,
      account_id: c.accountId,
      purpose: c.purpose,
      contact_id: c.contactId,
      channel: c.channel,
      standing: c.standing,
      masked: c.masked,
      code_hash: c.codeHash,
      issued_at: c.issuedAt,
      expires_at: c.expiresAt,
      tries: c.tries,
      used_at: c.usedAt,
      version: c.version,
    })
    .execute();
}

export async function listRecoveryCodes(db: Db, conversationId: string): Promise<RecoveryCodeRecord[]> {
  const rows = await db
    .selectFrom('recovery_codes')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('issued_at')
    .orderBy('id')
    .execute();
  return rows.map(toCode);
}

export async function recordCodeTry(db: Db, w: CodeTryWrite): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('recovery_codes')
      .set({ tries: w.tries, used_at: w.usedAt, version: w.version + 1 })
      .where('id', '=', w.codeId)
      .where('version', '=', w.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    if (w.verification) await insertVerification(trx, w.verification);
    return true;
  });
}

export async function countCodeTries(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('tries'), eb.lit(0)).as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function insertVerification(db: Db, v: VerificationRecord): Promise<void> {
  await db
    .insertInto('recovery_verifications')
    .values({
      id: v.id,
      conversation_id: v.conversationId,
      account_id: v.accountId,
      purpose: v.purpose,
      contact_id: v.contactId,
      channel: v.channel,
      standing: v.standing,
      masked: v.masked,
      at: v.at,
    })
    .execute();
}

export async function listVerifications(db: Db, conversationId: string): Promise<VerificationRecord[]> {
  const rows = await db
    .selectFrom('recovery_verifications')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(toVerification);
}

export async function appendAudit(db: Db, e: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_entries')
    .values({
      id: e.id,
      at: e.at,
      actor_type: e.actorType,
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      conversation_id: e.conversationId,
      account_external_id: e.accountExternalId,
      detail: JSON.stringify(e.detail),
    })
    .execute();
}

export async function listAudit(
  db: Db,
  q: { conversationId?: string; before?: { at: number; id: string }; limit: number },
): Promise<AuditRecord[]> {
  let select = db.selectFrom('audit_entries').selectAll();
  if (q.conversationId !== undefined) select = select.where('conversation_id', '=', q.conversationId);
  const before = q.before;
  if (before)
    select = select.where((eb) =>
      eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
    );
  const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map(toAudit);
}

function toCase(r: Selectable<RecoveryCasesTable>): RecoveryCaseRecord {
  return {
    conversationId: r.conversation_id,
    inboxId: r.inbox_id,
    visitorId: r.visitor_id,
    claimedAccount: r.claimed_account,
    situation: r.situation,
    accountId: r.account_id,
    identitySub: r.identity_sub,
    createdAt: Number(r.created_at),
  };
}

function toCode(r: Selectable<RecoveryCodesTable>): RecoveryCodeRecord {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    accountId: r.account_id,
    purpose: r.purpose,
    contactId: r.contact_id,
    channel: r.channel,
    standing: r.standing,
    masked: r.masked,
    codeHash: r.code_hash,
    issuedAt: Number(r.issued_at),
    expiresAt: Number(r.expires_at),
    tries: Number(r.tries),
    usedAt: r.used_at === null ? null : Number(r.used_at),
    version: Number(r.version),
  };
}

function toVerification(r: Selectable<RecoveryVerificationsTable>): VerificationRecord {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    accountId: r.account_id,
    purpose: r.purpose,
    contactId: r.contact_id,
    channel: r.channel,
    standing: r.standing,
    masked: r.masked,
    at: Number(r.at),
  };
}

function toAudit(r: Selectable<AuditEntriesTable>): AuditRecord {
  return {
    id: r.id,
    at: Number(r.at),
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    conversationId: r.conversation_id,
    accountExternalId: r.account_external_id,
    detail: JSON.parse(r.detail) as AuditRecord['detail'],
  };
}
