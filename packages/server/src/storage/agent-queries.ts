/** Agents, their inbox memberships and their login sessions. Emails are stored and matched lower-cased. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEFAULT_INBOX_ID, type AgentRecord, type SessionRecord } from '../domain/types';
import { toAgent, toSession, type Database } from './database';
import type { AgentPatch, NewSession } from './store';
import { StoreConflictError } from './store';

type Db = Kysely<Database>;

export async function countAgents(db: Db): Promise<number> {
  const row = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createAgent(db: Db, agent: AgentRecord): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('agents')
      .values({
        id: agent.id,
        email: agent.email.toLowerCase(),
        name: agent.name,
        role: agent.role,
        password_hash: agent.passwordHash,
        active: agent.active ? 1 : 0,
        created_at: agent.createdAt,
      })
      .execute();
    await trx
      .insertInto('agent_inboxes')
      .values({ agent_id: agent.id, inbox_id: DEFAULT_INBOX_ID })
      .execute();
  });
}

export async function findAgentById(db: Db, id: string): Promise<AgentRecord | undefined> {
  const row = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAgent(row);
}

export async function findAgentByEmail(db: Db, email: string): Promise<AgentRecord | undefined> {
  const row = await db
    .selectFrom('agents')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row && toAgent(row);
}

export async function listAgents(db: Db): Promise<AgentRecord[]> {
  const rows = await db.selectFrom('agents').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toAgent);
}

export async function listAgentInboxIds(db: Db, agentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agent_inboxes')
    .select('inbox_id')
    .where('agent_id', '=', agentId)
    .orderBy('inbox_id')
    .execute();
  return rows.map((r) => r.inbox_id);
}

/**
 * One transaction: the change, then a check that an active admin is left (else nothing is written and
 * StoreConflictError says why). Where other connections write at once (PostgreSQL), the active admins'
 * rows are locked first, so two admins demoting each other at once cannot both succeed.
 */
export async function updateAgent(
  db: Db,
  target: { id: string; patch: AgentPatch; lockAdmins: boolean },
): Promise<AgentRecord | undefined> {
  const { id, patch } = target;
  return db.transaction().execute(async (trx) => {
    if (target.lockAdmins) {
      await trx
        .selectFrom('agents')
        .select('id')
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .orderBy('id')
        .forUpdate()
        .execute();
    }
    const row = await trx
      .updateTable('agents')
      .set({
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.active === undefined ? {} : { active: patch.active ? 1 : 0 }),
        ...(patch.passwordHash === undefined ? {} : { password_hash: patch.passwordHash }),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    if (patch.role !== undefined || patch.active !== undefined) {
      const admins = await trx
        .selectFrom('agents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) === 0) throw new StoreConflictError('the last active admin stays an active admin');
    }
    if (patch.active === false) await trx.deleteFrom('sessions').where('agent_id', '=', id).execute();
    return toAgent(row);
  });
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createSession(db: Db, session: NewSession): Promise<void> {
  // An agent's expired sessions go when they sign in again, so the table keeps no stale browser or address.
  await db
    .deleteFrom('sessions')
    .where('agent_id', '=', session.agentId)
    .where('expires_at', '<=', session.now)
    .execute();
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      id: session.id,
      agent_id: session.agentId,
      expires_at: session.expiresAt,
      created_at: session.now,
      user_agent: session.userAgent ?? null,
      ip: session.ip ?? null,
    })
    .execute();
}

/** A live session of an active agent. */
export async function findSession(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<{ agent: AgentRecord; session: SessionRecord } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('agents', 'agents.id', 'sessions.agent_id')
    .selectAll('agents')
    .select([
      'sessions.id as session_id',
      'sessions.expires_at as session_expires_at',
      'sessions.created_at as session_created_at',
      'sessions.user_agent',
      'sessions.ip',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('agents.active', '=', 1)
    .executeTakeFirst();
  if (!row) return undefined;
  const session = toSession({
    id: row.session_id ?? (await giveSessionId(db, tokenHash)),
    agent_id: row.id,
    created_at: row.session_created_at,
    expires_at: row.session_expires_at,
    user_agent: row.user_agent,
    ip: row.ip,
  });
  return { agent: toAgent(row), session };
}

/** A session opened by an older node has no id yet: the first node to use it gives it one. */
async function giveSessionId(db: Db, tokenHash: string): Promise<string> {
  await db
    .updateTable('sessions')
    .set({ id: randomUUID() })
    .where('token_hash', '=', tokenHash)
    .where('id', 'is', null)
    .execute();
  const row = await db
    .selectFrom('sessions')
    .select('id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirstOrThrow();
  // Another node may have given it first: whichever id was stored is the one.
  return row.id ?? randomUUID();
}

export async function listSessions(db: Db, agentId: string, now: number): Promise<SessionRecord[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'agent_id', 'created_at', 'expires_at', 'user_agent', 'ip'])
    .where('agent_id', '=', agentId)
    .where('expires_at', '>', now)
    .where('id', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.flatMap((r) => (r.id === null ? [] : [toSession({ ...r, id: r.id })]));
}

/** Of these session ids, those still live (not deleted, not expired, their agent active). */
export async function liveSessionIds(db: Db, ids: readonly string[], now: number): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('agents', 'agents.id', 'sessions.agent_id')
    .select('sessions.id')
    .where('sessions.id', 'in', ids)
    .where('sessions.expires_at', '>', now)
    .where('agents.active', '=', 1)
    .execute();
  return new Set(rows.flatMap((r) => (r.id === null ? [] : [r.id])));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends one session of this agent; false if the agent has none with that id. */
export async function deleteSessionById(db: Db, agentId: string, id: string): Promise<boolean> {
  const rows = await db
    .deleteFrom('sessions')
    .where('agent_id', '=', agentId)
    .where('id', '=', id)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Ends every session of an agent but `keepId` (if given); returns the ids it ended. */
export async function deleteAgentSessions(
  db: Db,
  agentId: string,
  keepId: string | undefined,
): Promise<string[]> {
  let query = db.deleteFrom('sessions').where('agent_id', '=', agentId);
  if (keepId !== undefined) query = query.where('id', '!=', keepId);
  const rows = await query.returning('id').execute();
  return rows.flatMap((r) => (r.id === null ? [] : [r.id]));
}
