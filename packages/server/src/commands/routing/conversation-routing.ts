/**
 * Commands that move a conversation in or out of the queue: priority, required skills, transfer, and
 * an agent taking one from the queue. Each checks through domain/routing, writes through the Store,
 * emits conversation.updated (plus conversation.assigned / .transferred), then asks for a routing pass.
 */
import type { Conversation, Priority } from '@candor/protocol';
import { DEFAULT_CAPACITY } from '../../domain/routing/capacity';
import { effectiveCapacity } from '../../domain/routing/routing-pass';
import {
  assertAgent,
  assertCanTake,
  assertCanTransfer,
  assertCanTriage,
} from '../../domain/routing/routing-access';
import { DomainError } from '../../domain/errors';
import type { Actor, ConversationRecord } from '../../domain/types';
import type { ConversationPatch } from '../../storage/store';
import type { ChatContext } from '../context';
import { loadReadable } from '../load-conversation';
import { presentConversation, routingOf } from '../presenters';
import { activityActor, assignmentActivity, recordActivity } from '../record-activity';

async function write(ctx: ChatContext, id: string, patch: ConversationPatch): Promise<ConversationRecord> {
  const updated = await ctx.store.updateConversation(id, patch);
  if (!updated) throw new DomainError('not_found', 'No such conversation.');
  return updated;
}

async function emitUpdated(ctx: ChatContext, record: ConversationRecord): Promise<Conversation> {
  const conversation = await presentConversation(ctx, record);
  ctx.emit({ type: 'conversation.updated', conversation });
  return conversation;
}

/** Agents of the inbox learn the new priority, team and required skills (visitors never do). */
async function emitRouting(ctx: ChatContext, record: ConversationRecord): Promise<void> {
  const skills = (await ctx.store.requiredSkillsOf([record.id])).get(record.id) ?? [];
  ctx.emit({
    type: 'routing.changed',
    conversationId: record.id,
    inboxId: record.inboxId,
    ...routingOf(record, skills),
  });
}

/** Routing passes for every inbox of the agent: their capacity counts across inboxes. */
export async function routeForAgent(ctx: ChatContext, agentId: string): Promise<void> {
  if (!ctx.routing) return;
  for (const inboxId of await ctx.store.listAgentInboxIds(agentId)) ctx.routing.soon(inboxId);
}

export async function setPriority(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
  priority: Priority,
): Promise<Conversation> {
  const before = await loadReadable(ctx, actor, conversationId);
  assertCanTriage(actor, before);
  if (before.priority === priority) return presentConversation(ctx, before);
  const record = await write(ctx, conversationId, { priority, now: ctx.now() });
  const conversation = await emitUpdated(ctx, record);
  await emitRouting(ctx, record);
  await recordActivity(ctx, {
    conversationId,
    kind: 'priority_changed',
    actor: activityActor(actor),
    detail: { priority },
  });
  if (before.assigneeId === null && before.status === 'open') ctx.routing?.soon(before.inboxId);
  return conversation;
}

export async function setRequiredSkills(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
  skills: readonly string[],
): Promise<Conversation> {
  const before = await loadReadable(ctx, actor, conversationId);
  assertCanTriage(actor, before);
  const record = await write(ctx, conversationId, { requiredSkills: skills, now: ctx.now() });
  const conversation = await emitUpdated(ctx, record);
  await emitRouting(ctx, record);
  if (before.assigneeId === null && before.status === 'open') ctx.routing?.soon(before.inboxId);
  return conversation;
}

export interface TransferInput {
  toAgentId?: string;
  toTeamId?: string;
  note?: string;
}

/**
 * To an agent of the inbox (a human decision: their capacity is not enforced, their status is shown
 * in the console), or to a team: back in the queue, from now, for that team's members only.
 */
export async function transfer(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
  input: TransferInput,
): Promise<Conversation> {
  const before = await loadReadable(ctx, actor, conversationId);
  assertCanTransfer(actor, before);
  assertAgent(actor);
  const now = ctx.now();
  let patch: ConversationPatch;
  let teamName: string | null = null;
  if (input.toAgentId !== undefined) {
    const agent = await ctx.store.findAgentById(input.toAgentId);
    const inboxes = agent?.active ? await ctx.store.listAgentInboxIds(agent.id) : [];
    if (!inboxes.includes(before.inboxId)) throw new DomainError('not_found', 'No such agent in this inbox.');
    if (input.toAgentId === before.assigneeId)
      throw new DomainError('conflict', 'This conversation is already theirs.');
    patch = { assigneeId: input.toAgentId, waitingSince: null, now };
  } else {
    const team = (await ctx.store.listTeams()).find((t) => t.id === input.toTeamId);
    if (!team) throw new DomainError('not_found', 'No such team.');
    teamName = team.name;
    patch = { assigneeId: null, teamId: team.id, waitingSince: now, now };
  }
  const record = await write(ctx, conversationId, patch);
  const conversation = await emitUpdated(ctx, record);
  if (record.teamId !== before.teamId) await emitRouting(ctx, record);
  const note = input.note?.trim() ? input.note.trim() : null;
  ctx.emit({
    type: 'conversation.transferred',
    conversationId,
    inboxId: record.inboxId,
    visitorId: record.visitorId,
    fromAgentId: before.assigneeId,
    toAgentId: input.toAgentId ?? null,
    toTeamId: input.toTeamId ?? null,
    note,
    byAgentId: actor.agentId,
  });
  ctx.emit({
    type: 'conversation.assigned',
    conversationId,
    inboxId: record.inboxId,
    agentId: record.assigneeId,
    byAgentId: actor.agentId,
  });
  await recordActivity(ctx, {
    conversationId,
    kind: 'transferred',
    actor: activityActor(actor),
    detail: {
      toAgentId: input.toAgentId ?? null,
      toAgentName: input.toAgentId ? await ctx.names.agent(input.toAgentId) : null,
      toTeamId: input.toTeamId ?? null,
      toTeamName: teamName,
      note,
    },
  });
  // The team's members may take it now; the one who gave it away has room again.
  if (record.assigneeId === null) ctx.routing?.soon(record.inboxId);
  if (before.assigneeId !== null) await routeForAgent(ctx, before.assigneeId);
  return conversation;
}

/** An agent picks a waiting conversation from the queue, within their capacity (held in the store). */
export async function takeFromQueue(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
): Promise<Conversation> {
  assertAgent(actor);
  await loadReadable(ctx, actor, conversationId);
  const defaultCapacity = ctx.routing?.settings.defaultCapacity;
  const taken = await ctx.store.takeConversation(conversationId, actor.agentId, ctx.now(), (agent, c) =>
    assertCanTake(c, {
      load: agent.load,
      capacity: effectiveCapacity(agent, defaultCapacity ?? DEFAULT_CAPACITY),
    }),
  );
  if (!taken) throw new DomainError('not_found', 'No such conversation.');
  const conversation = await emitUpdated(ctx, taken);
  ctx.emit({
    type: 'conversation.assigned',
    conversationId,
    inboxId: taken.inboxId,
    agentId: actor.agentId,
    byAgentId: actor.agentId,
  });
  await assignmentActivity(ctx, conversationId, { agentId: actor.agentId, by: activityActor(actor) });
  ctx.routing?.soon(taken.inboxId); // the queue moved: positions
  return conversation;
}
