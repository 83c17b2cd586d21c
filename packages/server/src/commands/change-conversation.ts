import type { Conversation, ConversationStatus } from '@candor/protocol';
import type { Actor } from '../domain/types';
import { assertCanAssign, assertCanChangeStatus } from '../domain/access';
import { DomainError } from '../domain/errors';
import type { ConversationPatch } from '../storage/store';
import type { ChatContext } from './context';
import { loadReadable } from './load-conversation';
import { presentConversation } from './presenters';
import { routeForAgent } from './routing/conversation-routing';
import { activityActor, assignmentActivity, recordActivity } from './record-activity';

export async function setStatus(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
  status: ConversationStatus,
): Promise<Conversation> {
  const conversation = await loadReadable(ctx, actor, conversationId);
  assertCanChangeStatus(actor, conversation);
  if (conversation.status === status) return presentConversation(ctx, conversation);
  const now = ctx.now();
  // Reopened without an assignee: back in the queue, from now.
  const requeued = status === 'open' && conversation.assigneeId === null;
  const updated = await update(ctx, conversationId, {
    status,
    now,
    ...(requeued ? { waitingSince: now } : {}),
  });
  // Resolving frees the assignee's capacity (in every inbox) or takes it out of the queue.
  ctx.routing?.soon(conversation.inboxId);
  if (conversation.assigneeId !== null) await routeForAgent(ctx, conversation.assigneeId);
  const kind = status === 'resolved' ? 'resolved' : 'reopened';
  await recordActivity(ctx, { conversationId, kind, actor: activityActor(actor) });
  return updated;
}

export async function assign(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
  agentId: string | null,
): Promise<Conversation> {
  const conversation = await loadReadable(ctx, actor, conversationId);
  assertCanAssign(actor, conversation, agentId);
  if (agentId !== null) {
    const inboxes = await ctx.store.listAgentInboxIds(agentId);
    if (!inboxes.includes(conversation.inboxId))
      throw new DomainError('not_found', 'No such agent in this inbox.');
  }
  if (conversation.assigneeId === agentId) return presentConversation(ctx, conversation);
  const now = ctx.now();
  // Given back: it waits again, from now.
  const updated = await update(ctx, conversationId, {
    assigneeId: agentId,
    now,
    ...(agentId === null ? { waitingSince: now } : { waitingSince: null }),
  });
  ctx.emit({
    type: 'conversation.assigned',
    conversationId,
    inboxId: conversation.inboxId,
    agentId,
    byAgentId: actor.kind === 'agent' ? actor.agentId : null,
  });
  ctx.routing?.soon(conversation.inboxId);
  if (conversation.assigneeId !== null) await routeForAgent(ctx, conversation.assigneeId);
  await assignmentActivity(ctx, conversationId, { agentId, by: activityActor(actor) });
  return updated;
}

async function update(ctx: ChatContext, id: string, patch: ConversationPatch): Promise<Conversation> {
  const updated = await ctx.store.updateConversation(id, patch);
  if (!updated) throw new DomainError('not_found', 'No such conversation.');
  const conversation = await presentConversation(ctx, updated);
  ctx.emit({ type: 'conversation.updated', conversation });
  return conversation;
}
