/**
 * Routing passes and the queue, decided in the store: see routing-store.ts. Lock order, everywhere:
 * the inbox's routing row, then agents' routing rows by agent id, then conversations by id, the order
 * the append batches use too, so no two transactions wait on each other in a cycle.
 */
import { sql, type Kysely } from 'kysely';
import type { ConversationRecord } from '../domain/types';
import type { Presence } from '../domain/routing/agent-status';
import type { WaitSample } from '../domain/routing/wait-estimate';
import type { Assignment } from '../domain/routing/assignment-plan';
import { DEFAULT_STRATEGY } from '../domain/routing/routing-rule';
import { toConversation, type Database } from './database';
import { CONVERSATION_COLUMNS } from './hot-queries';
import { parseSkills } from './team-queries';
import {
  QUEUE_READ_LIMIT,
  type QueuedRecord,
  type RoutingAgentState,
  type RoutingDecision,
  type RoutingInput,
  type RoutingOutcome,
} from './routing-store';

type Db = Kysely<Database>;
interface Options {
  /** Row locks (PostgreSQL); SQLite's single writer already serialises the transaction. */
  lock: boolean;
}

export async function listQueue(db: Db, inboxId: string, limit: number): Promise<QueuedRecord[]> {
  const rows = await db
    .selectFrom('conversations')
    .select(['id', 'priority', 'team_id', 'required_skills'])
    .select(sql<number>`coalesce(waiting_since, created_at)`.as('waiting'))
    .where('inbox_id', '=', inboxId)
    .where('status', '=', 'open')
    .where('assignee_id', 'is', null)
    // A conversation the bot is answering is not waiting for a person yet (migration 0016).
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('bot_states')
            .select('bot_states.conversation_id')
            .whereRef('bot_states.conversation_id', '=', 'conversations.id')
            .where('bot_states.active', '=', 1),
        ),
      ),
    )
    .orderBy('priority_rank', 'desc')
    .orderBy(sql`coalesce(waiting_since, created_at)`)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    priority: r.priority,
    waitingSince: Number(r.waiting),
    teamId: r.team_id,
    requiredSkills: parseSkills(r.required_skills),
  }));
}

export async function requiredSkillsOf(
  db: Db,
  conversationIds: readonly string[],
): Promise<Map<string, string[]>> {
  const skills = new Map<string, string[]>();
  if (conversationIds.length === 0) return skills;
  const rows = await db
    .selectFrom('conversations')
    .select(['id', 'required_skills'])
    .where('id', 'in', conversationIds)
    .where('required_skills', 'is not', null)
    .execute();
  for (const r of rows) {
    const list = parseSkills(r.required_skills);
    if (list.length > 0) skills.set(r.id, list);
  }
  return skills;
}

export async function listWaitSamples(
  db: Db,
  inboxId: string,
  since: number,
  limit: number,
): Promise<WaitSample[]> {
  const rows = await db
    .selectFrom('routing_waits')
    .select(['assigned_at', 'waited_ms'])
    .where('inbox_id', '=', inboxId)
    .where('assigned_at', '>=', since)
    .orderBy('assigned_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ assignedAt: Number(r.assigned_at), waitedMs: Number(r.waited_ms) }));
}

export async function setPresence(
  db: Db,
  presence: { agentId: string; nodeId: string; sockets: number; now: number },
): Promise<void> {
  const { agentId, nodeId, sockets, now } = presence;
  await db
    .insertInto('agent_presence')
    .values({ agent_id: agentId, node_id: nodeId, sockets, seen_at: now })
    .onConflict((oc) => oc.columns(['agent_id', 'node_id']).doUpdateSet({ sockets, seen_at: now }))
    .execute();
}

export async function beatPresence(db: Db, nodeId: string, agentIds: readonly string[], now: number) {
  if (agentIds.length === 0) return;
  await db
    .updateTable('agent_presence')
    .set({ seen_at: now })
    .where('node_id', '=', nodeId)
    .where('agent_id', 'in', [...agentIds])
    .execute();
}

export async function listPresence(db: Db, agentIds: readonly string[]): Promise<Map<string, Presence[]>> {
  const byAgent = new Map<string, Presence[]>();
  if (agentIds.length === 0) return byAgent;
  const rows = await db
    .selectFrom('agent_presence')
    .selectAll()
    .where('agent_id', 'in', [...agentIds])
    .execute();
  for (const r of rows) {
    const list = byAgent.get(r.agent_id) ?? [];
    list.push({ sockets: r.sockets, seenAt: Number(r.seen_at) });
    byAgent.set(r.agent_id, list);
  }
  return byAgent;
}

/** Holds the inbox's routing row until the transaction ends; returns its strategy. */
async function holdInbox(trx: Db, inboxId: string, { lock }: Options) {
  await trx
    .insertInto('inbox_routing')
    .values({ inbox_id: inboxId })
    .onConflict((oc) => oc.column('inbox_id').doNothing())
    .execute();
  const query = trx.selectFrom('inbox_routing').select('strategy').where('inbox_id', '=', inboxId);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  return row?.strategy ?? DEFAULT_STRATEGY;
}

/** The agents' routing state, their rows held (created first if absent), in agent id order. */
async function holdAgents(
  trx: Db,
  agentIds: readonly string[],
  { lock }: Options,
): Promise<RoutingAgentState[]> {
  const ids = [...new Set(agentIds)].sort();
  if (ids.length === 0) return [];
  await trx
    .insertInto('agent_routing')
    .values(ids.map((agent_id) => ({ agent_id, capacity: null })))
    .onConflict((oc) => oc.column('agent_id').doNothing())
    .execute();
  const query = trx.selectFrom('agent_routing').selectAll().where('agent_id', 'in', ids).orderBy('agent_id');
  const rows = await (lock ? query.forUpdate() : query).execute();
  const [loads, teams, presences] = await Promise.all([
    trx
      .selectFrom('conversations')
      .select(['assignee_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('status', '=', 'open')
      .where('assignee_id', 'in', ids)
      .groupBy('assignee_id')
      .execute(),
    trx
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select(['team_members.agent_id', 'teams.id', 'teams.default_capacity'])
      .where('team_members.agent_id', 'in', ids)
      .execute(),
    listPresence(trx, ids),
  ]);
  const loadOf = new Map(loads.map((l) => [l.assignee_id, Number(l.n)]));
  return rows.map((r) => {
    const mine = teams.filter((t) => t.agent_id === r.agent_id);
    return {
      agentId: r.agent_id,
      status: r.status,
      capacity: r.capacity,
      skills: parseSkills(r.skills),
      teamIds: mine.map((t) => t.id),
      teamCapacities: mine.map((t) => t.default_capacity),
      load: loadOf.get(r.agent_id) ?? 0,
      lastAssigned: Number(r.last_assigned),
      presences: presences.get(r.agent_id) ?? [],
    };
  });
}

/** Active agents of the inbox: the only ones who may read its conversations, hence the only candidates. */
async function inboxAgentIds(trx: Db, inboxId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('agent_inboxes')
    .innerJoin('agents', 'agents.id', 'agent_inboxes.agent_id')
    .select('agents.id')
    .where('agent_inboxes.inbox_id', '=', inboxId)
    .where('agents.active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

/** Conversations per statement when a pass writes its decisions (bound parameters stay well under limits). */
const WRITE_CHUNK = 200;

/**
 * Gives conversations still waiting to their agents, in conversation id order (one UPDATE per chunk,
 * rows locked in id order as the append batches do); the ones given.
 */
async function writeAssignments(
  trx: Db,
  assignments: RoutingDecision['assignments'],
  { now, lock }: { now: number; lock: boolean },
): Promise<ConversationRecord[]> {
  const sorted = [...assignments].sort((a, b) => (a.conversationId < b.conversationId ? -1 : 1));
  const given: ConversationRecord[] = [];
  for (let i = 0; i < sorted.length; i += WRITE_CHUNK) {
    const chunk = sorted.slice(i, i + WRITE_CHUNK);
    // An UPDATE ... IN takes its row locks in whatever order the plan reads them: take them by id first.
    if (lock)
      await trx
        .selectFrom('conversations')
        .select('id')
        .where(
          'id',
          'in',
          chunk.map((a) => a.conversationId),
        )
        .orderBy('id')
        .forNoKeyUpdate()
        .execute();
    const rows = await trx
      .updateTable('conversations')
      .set((eb) => {
        const [head, ...rest] = chunk as [Assignment, ...Assignment[]];
        let agent = eb.case().when('id', '=', head.conversationId).then(head.agentId);
        for (const a of rest) agent = agent.when('id', '=', a.conversationId).then(a.agentId);
        return { assignee_id: agent.end(), waiting_since: null, updated_at: now };
      })
      .where(
        'id',
        'in',
        chunk.map((a) => a.conversationId),
      )
      .where('status', '=', 'open')
      .where('assignee_id', 'is', null)
      .returning(CONVERSATION_COLUMNS)
      .execute();
    if (rows.length === 0) continue;
    given.push(...rows.map(toConversation));
    await trx
      .insertInto('routing_waits')
      .values(
        rows.map((row) => ({
          conversation_id: row.id,
          inbox_id: row.inbox_id,
          assigned_at: now,
          waited_ms: Math.max(0, now - Number(row.created_at)),
        })),
      )
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .execute();
  }
  return given.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A sample for the wait estimate, once per conversation: its first assignment. */
export async function recordFirstAssignment(
  db: Db,
  row: { id: string; inbox_id: string; created_at: number },
  now: number,
): Promise<void> {
  await db
    .insertInto('routing_waits')
    .values({
      conversation_id: row.id,
      inbox_id: row.inbox_id,
      assigned_at: now,
      waited_ms: Math.max(0, now - Number(row.created_at)),
    })
    .onConflict((oc) => oc.column('conversation_id').doNothing())
    .execute();
}

export async function routeInbox(
  db: Db,
  pass: { inboxId: string; now: number; decide: (input: RoutingInput) => RoutingDecision },
  options: Options,
): Promise<RoutingOutcome> {
  const { inboxId, now, decide } = pass;
  return db.transaction().execute(async (trx) => {
    const strategy = await holdInbox(trx, inboxId, options);
    const [agentIds, inboxTeams] = await Promise.all([
      inboxAgentIds(trx, inboxId),
      trx.selectFrom('inbox_teams').select('team_id').where('inbox_id', '=', inboxId).execute(),
    ]);
    const agents = await holdAgents(trx, agentIds, options);
    const queue = await listQueue(trx, inboxId, QUEUE_READ_LIMIT);
    const input = { inboxId, strategy, inboxTeamIds: inboxTeams.map((t) => t.team_id), agents, queue };
    const decision = decide(input);
    const assigned = await writeAssignments(trx, decision.assignments, { now, lock: options.lock });
    const marks = [...decision.lastAssigned].sort(([x], [y]) => (x < y ? -1 : 1));
    if (marks.length > 0) {
      const [[firstId, firstMark], ...more] = marks as [[string, number], ...[string, number][]];
      await trx
        .updateTable('agent_routing')
        .set((eb) => {
          let mark = eb.case().when('agent_id', '=', firstId).then(firstMark);
          for (const [id, m] of more) mark = mark.when('agent_id', '=', id).then(m);
          return { last_assigned: mark.else(eb.ref('last_assigned')).end() };
        })
        .where(
          'agent_id',
          'in',
          marks.map(([id]) => id),
        )
        .execute();
    }
    const gone = new Set(assigned.map((c) => c.id));
    return { assigned, queue: queue.filter((q) => !gone.has(q.id)) };
  });
}

export async function takeConversation(
  db: Db,
  take: {
    conversationId: string;
    agentId: string;
    now: number;
    check: (agent: RoutingAgentState, conversation: ConversationRecord) => void;
  },
  options: Options,
): Promise<ConversationRecord | undefined> {
  const { conversationId, agentId, now, check } = take;
  const home = await db
    .selectFrom('conversations')
    .select('inbox_id')
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!home) return undefined;
  return db.transaction().execute(async (trx) => {
    await holdInbox(trx, home.inbox_id, options);
    const [agent] = await holdAgents(trx, [agentId], options);
    const query = trx
      .selectFrom('conversations')
      .select(CONVERSATION_COLUMNS)
      .where('id', '=', conversationId);
    const current = await (options.lock ? query.forUpdate() : query).executeTakeFirst();
    if (!current || !agent) return undefined;
    check(agent, toConversation(current));
    const row = await trx
      .updateTable('conversations')
      .set({ assignee_id: agentId, waiting_since: null, updated_at: now })
      .where('id', '=', conversationId)
      .returning(CONVERSATION_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordFirstAssignment(trx, row, now);
    return toConversation(row);
  });
}
