/** API tokens and host accounts: see host-account-store.ts. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenScope } from '@candor/protocol';
import type { ContactChannel, ContactVersion } from '../domain/recovery/contact-on-file';
import type { ApiTokensTable, Database } from './database';
import type { AccountChange, ApiTokenRecord, HostAccountRecord } from './host-account-store';

type Db = Kysely<Database>;

const TOUCH_EVERY_MS = 60_000;

export async function createApiToken(db: Db, t: ApiTokenRecord): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: t.id,
      name: t.name,
      token_hash: t.tokenHash,
      scopes: JSON.stringify(t.scopes),
      created_by: t.createdBy,
      created_at: t.createdAt,
      last_used_at: t.lastUsedAt,
      revoked_at: t.revokedAt,
    })
    .execute();
}

export async function listApiTokens(db: Db): Promise<ApiTokenRecord[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toToken);
}

export async function findApiToken(db: Db, tokenHash: string): Promise<ApiTokenRecord | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && toToken(row);
}

export async function revokeApiToken(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function touchApiToken(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', now - TOUCH_EVERY_MS)]))
    .execute();
}

function toToken(row: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    tokenHash: row.token_hash,
    scopes: JSON.parse(row.scopes) as ApiTokenScope[],
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

export async function putHostAccount(
  db: Db,
  externalId: string,
  change: AccountChange,
  now: number,
): Promise<HostAccountRecord> {
  return db.transaction().execute(async (trx) => {
    // The upsert locks the account's row until commit (PostgreSQL): two PUTs of one account take turns.
    await trx
      .insertInto('host_accounts')
      .values({ external_id: externalId, name: change.name ?? null, created_at: now, updated_at: now })
      .onConflict((oc) =>
        oc.column('external_id').doUpdateSet({
          updated_at: now,
          ...(change.name === undefined ? {} : { name: change.name }),
        }),
      )
      .execute();
    for (const [channel, value] of Object.entries(change.contacts) as [
      ContactChannel,
      string | undefined,
    ][]) {
      if (value === undefined) continue;
      const current = await trx
        .selectFrom('account_contacts')
        .select(['id', 'value'])
        .where('external_id', '=', externalId)
        .where('channel', '=', channel)
        .where('replaced_at', 'is', null)
        .executeTakeFirst();
      if (current?.value === value) continue;
      if (current)
        await trx
          .updateTable('account_contacts')
          .set({ replaced_at: now })
          .where('id', '=', current.id)
          .execute();
      await trx
        .insertInto('account_contacts')
        .values({ id: randomUUID(), external_id: externalId, channel, value, set_at: now, replaced_at: null })
        .execute();
    }
    const account = await findHostAccount(trx, externalId);
    if (!account) throw new Error(`account ${externalId} vanished in its own transaction`);
    return account;
  });
}

export async function findHostAccount(db: Db, externalId: string): Promise<HostAccountRecord | undefined> {
  const row = await db
    .selectFrom('host_accounts')
    .selectAll()
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  if (!row) return undefined;
  const current = await db
    .selectFrom('account_contacts')
    .select(['channel', 'value'])
    .where('external_id', '=', externalId)
    .where('replaced_at', 'is', null)
    .execute();
  const valueOf = (channel: ContactChannel) => current.find((c) => c.channel === channel)?.value ?? null;
  return {
    externalId: row.external_id,
    name: row.name,
    email: valueOf('email'),
    phone: valueOf('phone'),
    updatedAt: Number(row.updated_at),
  };
}

export async function accountContactHistory(db: Db, externalId: string): Promise<ContactVersion[]> {
  const rows = await db
    .selectFrom('account_contacts')
    .select(['channel', 'value', 'set_at', 'replaced_at'])
    .where('external_id', '=', externalId)
    .orderBy('set_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    channel: r.channel,
    value: r.value,
    setAt: Number(r.set_at),
    replacedAt: r.replaced_at === null ? null : Number(r.replaced_at),
  }));
}

export async function hasHostAccounts(db: Db): Promise<boolean> {
  const row = await db.selectFrom('host_accounts').select('external_id').limit(1).executeTakeFirst();
  return row !== undefined;
}
