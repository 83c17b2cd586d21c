/**
 * Signed identity (issue 12): one visitor per (inbox, host user id), identity tokens remembered until
 * their exp so a replay is refused on every node, and each inbox's pre-chat and identity settings.
 */
import type { Kysely } from 'kysely';
import type { InboxContactSettings, VisitorRecord } from '../domain/types';
import { toVisitor, type Database } from './database';
import { StoreConflictError } from './store';

type Db = Kysely<Database>;

export interface SignIn {
  inboxId: string;
  externalId: string;
  email: string | null;
  name: string | null;
  /** Used only if this user has no visitor yet. */
  fresh: VisitorRecord;
  /** The new visitor token's hash: a token of the signed visitor, for this browser. */
  tokenHash: string;
  now: number;
}

/**
 * The visitor the site vouched for: found by (inbox, external id) or created, marked signed, its name
 * and email those of the token when it has them, and given a new token. Two nodes signing in the same
 * new user at once: the second insert conflicts and is tried again, finding the first one's visitor.
 */
export async function signInVisitor(db: Db, s: SignIn): Promise<VisitorRecord> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await signInOnce(db, s);
    } catch (err) {
      if (!(err instanceof StoreConflictError) && !isUniqueViolation(err)) throw err;
      if (attempt >= 2) throw err;
    }
  }
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

async function signInOnce(db: Db, s: SignIn): Promise<VisitorRecord> {
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('visitors')
      .select(['id'])
      .where('signed_inbox_id', '=', s.inboxId)
      .where('external_id', '=', s.externalId)
      .executeTakeFirst();
    const id = found?.id ?? s.fresh.id;
    if (!found)
      await trx
        .insertInto('visitors')
        .values({
          id,
          token_hash: s.tokenHash,
          name: s.fresh.name,
          locale: s.fresh.locale,
          created_at: s.now,
          last_seen_at: s.now,
          signed_inbox_id: s.inboxId,
          external_id: s.externalId,
          verification: 'signed',
        })
        .execute();
    const row = await trx
      .updateTable('visitors')
      .set({
        verification: 'signed',
        last_seen_at: s.now,
        ...(s.name === null ? {} : { name: s.name }),
        ...(s.email === null ? {} : { email: s.email }),
      })
      .where('id', '=', id)
      .returning(['id', 'name', 'locale', 'created_at', 'verification'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('visitor_tokens')
      .values({ token_hash: s.tokenHash, visitor_id: id, used_at: s.now })
      .execute();
    return toVisitor(row);
  });
}

/**
 * Records an identity token's use: true the first time, false when it was seen before (a replay).
 * The primary key decides, so two nodes given the same token at once accept it once. Uses past their
 * exp are deleted on the way (a token past exp is refused before it gets here).
 */
export async function claimIdentityToken(
  db: Db,
  use: { tokenHash: string; expiresAt: number; now: number },
): Promise<boolean> {
  await db.deleteFrom('identity_token_uses').where('expires_at', '<', use.now).execute();
  const inserted = await db
    .insertInto('identity_token_uses')
    .values({ token_hash: use.tokenHash, expires_at: use.expiresAt })
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .returning('token_hash')
    .executeTakeFirst();
  return inserted !== undefined;
}

const SETTINGS_COLUMNS = [
  'id',
  'prechat_enabled',
  'prechat_require_email',
  'identity_enforce',
  'identity_secret',
] as const;

function toSettings(row: {
  id: string;
  prechat_enabled: number;
  prechat_require_email: number;
  identity_enforce: number;
  identity_secret: string | null;
}): InboxContactSettings {
  return {
    inboxId: row.id,
    preChatEnabled: Number(row.prechat_enabled) === 1,
    preChatRequireEmail: Number(row.prechat_require_email) === 1,
    identityEnforce: Number(row.identity_enforce) === 1,
    identitySecret: row.identity_secret,
  };
}

export async function listInboxContactSettings(db: Db): Promise<InboxContactSettings[]> {
  const rows = await db.selectFrom('inboxes').select(SETTINGS_COLUMNS).orderBy('id').execute();
  return rows.map(toSettings);
}

export type InboxContactPatch = Partial<Omit<InboxContactSettings, 'inboxId'>>;

export async function updateInboxContactSettings(
  db: Db,
  id: string,
  patch: InboxContactPatch,
): Promise<InboxContactSettings | undefined> {
  const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);
  const set = {
    prechat_enabled: flag(patch.preChatEnabled),
    prechat_require_email: flag(patch.preChatRequireEmail),
    identity_enforce: flag(patch.identityEnforce),
    identity_secret: patch.identitySecret,
  };
  const defined = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
  if (Object.keys(defined).length === 0) {
    const row = await db
      .selectFrom('inboxes')
      .select(SETTINGS_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toSettings(row);
  }
  const row = await db
    .updateTable('inboxes')
    .set(defined)
    .where('id', '=', id)
    .returning(SETTINGS_COLUMNS)
    .executeTakeFirst();
  return row && toSettings(row);
}
