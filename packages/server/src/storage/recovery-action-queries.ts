/** Recovery actions, settings and signals: see recovery-action-store.ts. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, RecoveryActionsTable } from './database';
import type {
  RecoveryActionChange,
  RecoveryActionReason,
  RecoveryActionRecord,
  RecoverySignalRecord,
} from './recovery-action-store';

type Db = Kysely<Database>;

const SETTINGS_ROW = 'recovery';

export async function createRecoveryAction(db: Db, a: RecoveryActionRecord): Promise<void> {
  await db
    .insertInto('recovery_actions')
    .values({
      id: a.id,
      conversation_id: a.conversationId,
      inbox_id: a.inboxId,
      account_id: a.accountId,
      action: a.action,
      status: a.status,
      reason: a.reason,
      verification: a.verification,
      requested_by: a.requestedBy,
      approved_by: a.approvedBy,
      approved_at: a.approvedAt,
      decided_by: a.decidedBy,
      new_contact_channel: a.newContact?.channel ?? null,
      new_contact_value: a.newContact?.value ?? null,
      cooling_off_until: a.coolingOffUntil,
      stop_token_hash: a.stopTokenHash,
      created_at: a.createdAt,
      decided_at: a.decidedAt,
      version: a.version,
    })
    .execute();
}

export async function findRecoveryAction(db: Db, id: string): Promise<RecoveryActionRecord | undefined> {
  const row = await db.selectFrom('recovery_actions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAction(row);
}

export async function findRecoveryActionByStopToken(
  db: Db,
  tokenHash: string,
): Promise<RecoveryActionRecord | undefined> {
  const row = await db
    .selectFrom('recovery_actions')
    .selectAll()
    .where('stop_token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && toAction(row);
}

export async function listRecoveryActions(db: Db, conversationId: string): Promise<RecoveryActionRecord[]> {
  const rows = await db
    .selectFrom('recovery_actions')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toAction);
}

export async function listAwaitingApproval(
  db: Db,
  inboxIds: readonly string[],
  limit: number,
): Promise<RecoveryActionRecord[]> {
  if (inboxIds.length === 0) return [];
  const rows = await db
    .selectFrom('recovery_actions')
    .selectAll()
    .where('status', '=', 'awaiting_approval')
    .where('inbox_id', 'in', inboxIds)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toAction);
}

export async function updateRecoveryAction(
  db: Db,
  id: string,
  expectedVersion: number,
  c: RecoveryActionChange,
): Promise<RecoveryActionRecord | undefined> {
  // One statement whose WHERE names the version read: of two writers, the second matches no row.
  const row = await db
    .updateTable('recovery_actions')
    .set({
      ...(c.status === undefined ? {} : { status: c.status }),
      ...(c.reason === undefined ? {} : { reason: c.reason }),
      ...(c.approvedBy === undefined ? {} : { approved_by: c.approvedBy }),
      ...(c.approvedAt === undefined ? {} : { approved_at: c.approvedAt }),
      ...(c.decidedBy === undefined ? {} : { decided_by: c.decidedBy }),
      ...(c.coolingOffUntil === undefined ? {} : { cooling_off_until: c.coolingOffUntil }),
      ...(c.stopTokenHash === undefined ? {} : { stop_token_hash: c.stopTokenHash }),
      ...(c.decidedAt === undefined ? {} : { decided_at: c.decidedAt }),
      version: expectedVersion + 1,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row && toAction(row);
}

export async function dueCoolingOff(db: Db, now: number, limit: number): Promise<RecoveryActionRecord[]> {
  const rows = await db
    .selectFrom('recovery_actions')
    .selectAll()
    .where('status', '=', 'cooling_off')
    .where('cooling_off_until', '<=', now)
    .orderBy('cooling_off_until')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toAction);
}

export async function recoverySettings(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('recovery_settings')
    .select('settings')
    .where('id', '=', SETTINGS_ROW)
    .executeTakeFirst();
  return row?.settings;
}

export async function setRecoverySettings(db: Db, settings: string, by: string, now: number): Promise<void> {
  await db
    .insertInto('recovery_settings')
    .values({ id: SETTINGS_ROW, settings, updated_by: by, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ settings, updated_by: by, updated_at: now }))
    .execute();
}

export async function raiseRecoverySignals(
  db: Db,
  conversationId: string,
  kinds: readonly string[],
  now: number,
): Promise<string[]> {
  if (kinds.length === 0) return [];
  // The primary key decides: a kind already raised (here or on another node) inserts nothing.
  const rows = await db
    .insertInto('recovery_signals')
    .values([...new Set(kinds)].map((kind) => ({ conversation_id: conversationId, kind, at: now })))
    .onConflict((oc) => oc.columns(['conversation_id', 'kind']).doNothing())
    .returning('kind')
    .execute();
  return rows.map((r) => r.kind);
}

export async function listRecoverySignals(db: Db, conversationId: string): Promise<RecoverySignalRecord[]> {
  const rows = await db
    .selectFrom('recovery_signals')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('at')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({ conversationId: r.conversation_id, kind: r.kind, at: Number(r.at) }));
}

function toAction(row: Selectable<RecoveryActionsTable>): RecoveryActionRecord {
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: row.id,
    conversationId: row.conversation_id,
    inboxId: row.inbox_id,
    accountId: row.account_id,
    action: row.action,
    status: row.status,
    reason: row.reason as RecoveryActionReason | null,
    verification: row.verification,
    requestedBy: row.requested_by,
    approvedBy: row.approved_by,
    approvedAt: num(row.approved_at),
    decidedBy: row.decided_by,
    newContact:
      row.new_contact_channel === null || row.new_contact_value === null
        ? null
        : { channel: row.new_contact_channel, value: row.new_contact_value },
    coolingOffUntil: num(row.cooling_off_until),
    stopTokenHash: row.stop_token_hash,
    createdAt: Number(row.created_at),
    decidedAt: num(row.decided_at),
    version: Number(row.version),
  };
}
