/** Who may move a conversation between agents, and when an agent may take one from the queue. */
import { assertCanChangeStatus, assertCanRead } from '../access';
import { DomainError } from '../errors';
import type { Actor, ConversationRecord } from '../types';

type AgentActor = Extract<Actor, { kind: 'agent' }>;

export function assertAgent(actor: Actor): asserts actor is AgentActor {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Only agents do this.');
}

/** Any agent of the inbox triages: priority and required skills. */
export function assertCanTriage(actor: Actor, conversation: ConversationRecord): void {
  assertCanRead(actor, conversation);
  assertAgent(actor);
}

/** The assignee, anyone on an unassigned one, or an admin: the same who may resolve it. */
export function assertCanTransfer(actor: Actor, conversation: ConversationRecord): void {
  assertCanChangeStatus(actor, conversation);
  if (conversation.status !== 'open')
    throw new DomainError('conflict', 'Only an open conversation is transferred.');
}

/** Picking from the queue: it must still wait, and the agent must have room. */
export function assertCanTake(
  conversation: ConversationRecord,
  agent: { load: number; capacity: number },
): void {
  if (conversation.status !== 'open' || conversation.assigneeId !== null)
    throw new DomainError('conflict', 'This conversation is no longer waiting.');
  if (agent.load >= agent.capacity)
    throw new DomainError('conflict', `You are at capacity (${agent.capacity} open conversations).`);
}
