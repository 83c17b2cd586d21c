/**
 * Routing settings: teams (admins), an inbox's strategy and teams (admins), agents' status (the agent
 * themselves or an admin), capacity and skills (admins). Each change may let waiting conversations go.
 */
import { announceStatus } from './announce-status';
import { randomUUID } from 'node:crypto';
import type {
  AgentRoutingView,
  AgentStatus,
  AssignmentStrategy,
  InboxRouting,
  InboxQueueView,
  QueueView,
  Team,
} from '@candor/protocol';
import { assertAdmin } from '../../domain/access';
import { effectiveStatus } from '../../domain/routing/agent-status';
import { DEFAULT_CAPACITY } from '../../domain/routing/capacity';
import { effectiveCapacity } from '../../domain/routing/routing-pass';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/types';
import type { AgentRoutingPatch, TeamPatch, TeamRecord } from '../../storage/routing-store';
import { QUEUE_READ_LIMIT } from '../../storage/routing-store';
import type { ChatContext } from '../context';
import { routeForAgent } from './conversation-routing';

const MAX_TEAMS = 200;

function present(team: TeamRecord): Team {
  return { id: team.id, name: team.name, defaultCapacity: team.defaultCapacity, memberIds: team.memberIds };
}

async function assertAgentsExist(ctx: ChatContext, ids: readonly string[] | undefined): Promise<void> {
  if (!ids || ids.length === 0) return;
  const known = new Set((await ctx.store.listAgents()).map((a) => a.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw new DomainError('not_found', `No such agent: ${unknown}.`);
}

async function routeAllInboxes(ctx: ChatContext): Promise<void> {
  if (!ctx.routing) return;
  for (const inbox of await ctx.store.listInboxes()) ctx.routing.soon(inbox.id);
}

export async function listTeams(ctx: ChatContext, actor: Actor): Promise<Team[]> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Only agents see teams.');
  return (await ctx.store.listTeams()).map(present);
}

export async function createTeam(
  ctx: ChatContext,
  actor: Actor,
  input: { name: string; defaultCapacity: number | null; memberIds: string[] },
): Promise<Team> {
  assertAdmin(actor);
  if ((await ctx.store.listTeams()).length >= MAX_TEAMS) throw new DomainError('conflict', 'Too many teams.');
  await assertAgentsExist(ctx, input.memberIds);
  const team = await ctx.store.createTeam({ id: randomUUID(), ...input, createdAt: ctx.now() });
  await routeAllInboxes(ctx);
  return present(team);
}

export async function updateTeam(
  ctx: ChatContext,
  actor: Actor,
  id: string,
  patch: TeamPatch,
): Promise<Team> {
  assertAdmin(actor);
  await assertAgentsExist(ctx, patch.memberIds);
  const team = await ctx.store.updateTeam(id, patch);
  if (!team) throw new DomainError('not_found', 'No such team.');
  await routeAllInboxes(ctx);
  return present(team);
}

export async function deleteTeam(ctx: ChatContext, actor: Actor, id: string): Promise<void> {
  assertAdmin(actor);
  if (!(await ctx.store.deleteTeam(id))) throw new DomainError('not_found', 'No such team.');
  await routeAllInboxes(ctx);
}

async function assertInbox(ctx: ChatContext, actor: Actor, inboxId: string): Promise<void> {
  const known = (await ctx.store.listInboxes()).some((i) => i.id === inboxId);
  if (!known || (actor.kind === 'agent' && actor.role !== 'admin' && !actor.inboxIds.includes(inboxId)))
    throw new DomainError('not_found', 'No such inbox.');
}

export async function getInboxRouting(
  ctx: ChatContext,
  actor: Actor,
  inboxId: string,
): Promise<InboxRouting> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Agents only.');
  await assertInbox(ctx, actor, inboxId);
  return ctx.store.getInboxRouting(inboxId);
}

export async function setInboxRouting(
  ctx: ChatContext,
  actor: Actor,
  inboxId: string,
  patch: { strategy?: AssignmentStrategy; teamIds?: string[] },
): Promise<InboxRouting> {
  assertAdmin(actor);
  await assertInbox(ctx, actor, inboxId);
  if (patch.teamIds) {
    const known = new Set((await ctx.store.listTeams()).map((t) => t.id));
    const unknown = patch.teamIds.find((id) => !known.has(id));
    if (unknown !== undefined) throw new DomainError('not_found', `No such team: ${unknown}.`);
  }
  const routing = await ctx.store.setInboxRouting(inboxId, patch);
  ctx.routing?.soon(inboxId);
  return routing;
}

/** Status, capacity and skills of agents as routing sees them now. */
export async function listAgentRouting(ctx: ChatContext, actor: Actor): Promise<AgentRoutingView[]> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Agents only.');
  const agents = (await ctx.store.listAgents()).filter((a) => a.active);
  const ids = agents.map((a) => a.id);
  const [routing, presence, teams, loads] = await Promise.all([
    ctx.store.listAgentRouting(ids),
    ctx.store.listPresence(ids),
    ctx.store.listTeams(),
    Promise.all(
      ids.map((id) =>
        ctx.store.countConversations({ inboxIds: actor.inboxIds, status: 'open', assigneeId: id }),
      ),
    ),
  ]);
  const settings = ctx.routing?.settings;
  const now = ctx.now();
  return routing.map((r, i) => {
    const mine = teams.filter((t) => t.memberIds.includes(r.agentId));
    const state = {
      ...r,
      teamIds: mine.map((t) => t.id),
      teamCapacities: mine.map((t) => t.defaultCapacity),
      load: loads[i] ?? 0,
      lastAssigned: 0,
      presences: presence.get(r.agentId) ?? [],
    };
    return {
      agentId: r.agentId,
      status: r.status,
      effectiveStatus: settings ? effectiveStatus(r.status, state.presences, now, settings.timing) : r.status,
      capacity: r.capacity,
      effectiveCapacity: effectiveCapacity(state, settings?.defaultCapacity ?? DEFAULT_CAPACITY),
      skills: r.skills,
      load: state.load,
    };
  });
}

/** An agent sets their own status; capacity and skills, and anyone else's status, are for admins. */
export async function updateAgentRouting(
  ctx: ChatContext,
  actor: Actor,
  agentId: string,
  patch: AgentRoutingPatch,
): Promise<AgentRoutingView> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Agents only.');
  const self = actor.agentId === agentId;
  const adminOnly = patch.capacity !== undefined || patch.skills !== undefined || !self;
  if (adminOnly && actor.role !== 'admin') {
    if (!self) throw new DomainError('not_found', 'No such agent.');
    throw new DomainError('forbidden', 'Only an admin sets capacity and skills.');
  }
  const agent = await ctx.store.findAgentById(agentId);
  if (!agent) throw new DomainError('not_found', 'No such agent.');
  await ctx.store.updateAgentRouting(agentId, patch);
  await routeForAgent(ctx, agentId);
  if (patch.status !== undefined) await announceStatus(ctx, agentId);
  const view = (await listAgentRouting(ctx, actor)).find((v) => v.agentId === agentId);
  if (!view) throw new DomainError('not_found', 'No such agent.');
  return view;
}

export type { AgentStatus };

/** The queue of an inbox, for agents: order, priority, and the wait visitors are told. */
export async function queueOf(ctx: ChatContext, actor: Actor, inboxId: string): Promise<QueueView> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Agents only.');
  await assertInbox(ctx, actor, inboxId);
  if (!actor.inboxIds.includes(inboxId)) throw new DomainError('not_found', 'No such inbox.');
  return readQueue(ctx, inboxId);
}

/** The queues of every inbox the agent answers in (their session's inboxes), in inbox name order. */
export async function queuesOf(ctx: ChatContext, actor: Actor): Promise<InboxQueueView[]> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Agents only.');
  const inboxes = (await ctx.store.listInboxes())
    .filter((i) => actor.inboxIds.includes(i.id))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return Promise.all(
    inboxes.map(async (inbox) => ({ ...(await readQueue(ctx, inbox.id)), inboxName: inbox.name })),
  );
}

async function readQueue(ctx: ChatContext, inboxId: string): Promise<QueueView> {
  const queue = await ctx.store.listQueue(inboxId, QUEUE_READ_LIMIT);
  return {
    inboxId,
    entries: queue.map((q, i) => ({
      conversationId: q.id,
      position: i + 1,
      priority: q.priority,
      waitingSince: q.waitingSince,
      teamId: q.teamId,
    })),
    wait: ctx.routing ? await ctx.routing.wait(inboxId) : null,
  };
}
