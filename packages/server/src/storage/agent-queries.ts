/** Agents, their inbox memberships and their login sessions. Emails are stored and matched lower-cased. */
import type { Kysely } from 'kysely';
import { DEFAULT_INBOX_ID, type AgentRecord } from '../domain/types';
import { toAgent, type Database } from './database';

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

export async function createSession(
  db: Db,
  session: { tokenHash: string; agentId: string; expiresAt: number; now: number },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      agent_id: session.agentId,
      expires_at: session.expiresAt,
      created_at: session.now,
    })
    .execute();
}

export async function findSessionAgent(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<AgentRecord | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('agents', 'agents.id', 'sessions.agent_id')
    .selectAll('agents')
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  return row && toAgent(row);
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}
