/** Teams, which teams an inbox routes to and with which strategy, and agents' routing settings. */
import type { Kysely } from 'kysely';
import { DEFAULT_STRATEGY } from '../domain/routing/routing-rule';
import type { Database } from './database';
import type {
  AgentRouting,
  AgentRoutingPatch,
  InboxRouting,
  RoutingStore,
  TeamPatch,
  TeamRecord,
} from './routing-store';

type Db = Kysely<Database>;

/** Skill labels are kept as a JSON array; anything else reads as none. */
export function parseSkills(text: string | null): string[] {
  if (text === null) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

export async function listTeams(db: Db): Promise<TeamRecord[]> {
  const [teams, members] = await Promise.all([
    db.selectFrom('teams').selectAll().orderBy('name').orderBy('id').execute(),
    db.selectFrom('team_members').selectAll().orderBy('agent_id').execute(),
  ]);
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    defaultCapacity: t.default_capacity,
    memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.agent_id),
    createdAt: t.created_at,
  }));
}

async function findTeam(db: Db, id: string): Promise<TeamRecord | undefined> {
  const row = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const members = await db
    .selectFrom('team_members')
    .select('agent_id')
    .where('team_id', '=', id)
    .orderBy('agent_id')
    .execute();
  return {
    id: row.id,
    name: row.name,
    defaultCapacity: row.default_capacity,
    memberIds: members.map((m) => m.agent_id),
    createdAt: row.created_at,
  };
}

export async function createTeam(
  db: Db,
  team: Omit<TeamRecord, 'memberIds'> & { memberIds: readonly string[] },
): Promise<TeamRecord> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('teams')
      .values({
        id: team.id,
        name: team.name,
        default_capacity: team.defaultCapacity,
        created_at: team.createdAt,
      })
      .execute();
    await setMembers(trx, team.id, team.memberIds);
  });
  return (await findTeam(db, team.id))!;
}

async function setMembers(trx: Db, teamId: string, memberIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  const unique = [...new Set(memberIds)];
  if (unique.length > 0)
    await trx
      .insertInto('team_members')
      .values(unique.map((agent_id) => ({ team_id: teamId, agent_id })))
      .execute();
}

export async function updateTeam(db: Db, id: string, patch: TeamPatch): Promise<TeamRecord | undefined> {
  const found = await db.transaction().execute(async (trx) => {
    const set = {
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.defaultCapacity === undefined ? {} : { default_capacity: patch.defaultCapacity }),
    };
    const result =
      Object.keys(set).length > 0
        ? await trx.updateTable('teams').set(set).where('id', '=', id).executeTakeFirst()
        : undefined;
    const exists =
      result !== undefined
        ? Number(result.numUpdatedRows) === 1
        : (await trx.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    if (exists && patch.memberIds !== undefined) await setMembers(trx, id, patch.memberIds);
    return exists;
  });
  return found ? findTeam(db, id) : undefined;
}

export async function deleteTeam(db: Db, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Both dialects: no reliance on SQLite enforcing foreign keys.
    await trx.deleteFrom('team_members').where('team_id', '=', id).execute();
    await trx.deleteFrom('inbox_teams').where('team_id', '=', id).execute();
    await trx.updateTable('conversations').set({ team_id: null }).where('team_id', '=', id).execute();
    const result = await trx.deleteFrom('teams').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  });
}

export async function getInboxRouting(db: Db, inboxId: string): Promise<InboxRouting> {
  const [row, teams] = await Promise.all([
    db.selectFrom('inbox_routing').select('strategy').where('inbox_id', '=', inboxId).executeTakeFirst(),
    db
      .selectFrom('inbox_teams')
      .select('team_id')
      .where('inbox_id', '=', inboxId)
      .orderBy('team_id')
      .execute(),
  ]);
  return { inboxId, strategy: row?.strategy ?? DEFAULT_STRATEGY, teamIds: teams.map((t) => t.team_id) };
}

export async function setInboxRouting(
  db: Db,
  inboxId: string,
  patch: Parameters<RoutingStore['setInboxRouting']>[1],
): Promise<InboxRouting> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('inbox_routing')
      .values({ inbox_id: inboxId })
      .onConflict((oc) => oc.column('inbox_id').doNothing())
      .execute();
    if (patch.strategy !== undefined)
      await trx
        .updateTable('inbox_routing')
        .set({ strategy: patch.strategy })
        .where('inbox_id', '=', inboxId)
        .execute();
    if (patch.teamIds !== undefined) {
      await trx.deleteFrom('inbox_teams').where('inbox_id', '=', inboxId).execute();
      const unique = [...new Set(patch.teamIds)];
      if (unique.length > 0)
        await trx
          .insertInto('inbox_teams')
          .values(unique.map((team_id) => ({ inbox_id: inboxId, team_id })))
          .execute();
    }
  });
  return getInboxRouting(db, inboxId);
}

export async function listAgentRouting(db: Db, agentIds: readonly string[]): Promise<AgentRouting[]> {
  if (agentIds.length === 0) return [];
  const rows = await db
    .selectFrom('agent_routing')
    .selectAll()
    .where('agent_id', 'in', [...agentIds])
    .execute();
  const byId = new Map(rows.map((r) => [r.agent_id, r]));
  return agentIds.map((agentId) => {
    const row = byId.get(agentId);
    return {
      agentId,
      status: row?.status ?? 'online',
      capacity: row?.capacity ?? null,
      skills: parseSkills(row?.skills ?? null),
    };
  });
}

export async function updateAgentRouting(
  db: Db,
  agentId: string,
  patch: AgentRoutingPatch,
): Promise<AgentRouting> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('agent_routing')
      .values({ agent_id: agentId, capacity: null })
      .onConflict((oc) => oc.column('agent_id').doNothing())
      .execute();
    const set = {
      ...(patch.status === undefined ? {} : { status: patch.status }),
      ...(patch.capacity === undefined ? {} : { capacity: patch.capacity }),
      ...(patch.skills === undefined ? {} : { skills: JSON.stringify([...new Set(patch.skills)]) }),
    };
    if (Object.keys(set).length > 0)
      await trx.updateTable('agent_routing').set(set).where('agent_id', '=', agentId).execute();
  });
  const [routing] = await listAgentRouting(db, [agentId]);
  return routing!;
}
