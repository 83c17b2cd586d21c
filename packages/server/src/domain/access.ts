/**
 * Who may do what to a conversation: the one place these rules live. Every WebSocket frame and REST
 * request goes through them; a visitor only ever touches their own conversations, an agent only those
 * of their inboxes, and only the assignee (or an admin) speaks in an assigned one.
 */
import type { Actor, ConversationRecord } from './types';
import { DomainError } from './errors';

/** Where a conversation belongs: all that reading it depends on, and fixed when it is created. */
export type ConversationHome = Pick<ConversationRecord, 'visitorId' | 'inboxId'>;

export function canRead(actor: Actor, conversation: ConversationHome): boolean {
  if (actor.kind === 'visitor') return conversation.visitorId === actor.visitorId;
  return actor.inboxIds.includes(conversation.inboxId);
}

export function assertCanRead(actor: Actor, conversation: ConversationHome): void {
  // Same answer for "does not exist" and "not yours", so ids cannot be probed.
  if (!canRead(actor, conversation)) throw new DomainError('not_found', 'No such conversation.');
}

/** An agent may act on a conversation that is unassigned or theirs; an admin on any in their inboxes. */
function agentMayAct(actor: Extract<Actor, { kind: 'agent' }>, conversation: ConversationRecord): boolean {
  return (
    actor.role === 'admin' || conversation.assigneeId === null || conversation.assigneeId === actor.agentId
  );
}

export interface ReplyDecision {
  /** The agent replying to an unassigned conversation takes it. */
  assignTo: string | null;
  /** A visitor writing into a resolved conversation reopens it. */
  reopen: boolean;
}

export function decideReply(actor: Actor, conversation: ConversationRecord): ReplyDecision {
  assertCanRead(actor, conversation);
  if (actor.kind === 'visitor') return { assignTo: null, reopen: conversation.status === 'resolved' };
  if (!agentMayAct(actor, conversation)) {
    throw new DomainError('forbidden', 'This conversation is assigned to another agent.');
  }
  return { assignTo: conversation.assigneeId === null ? actor.agentId : null, reopen: false };
}

export function assertCanChangeStatus(actor: Actor, conversation: ConversationRecord): void {
  assertCanRead(actor, conversation);
  if (actor.kind === 'visitor') throw new DomainError('forbidden', 'Only agents resolve or reopen.');
  if (!agentMayAct(actor, conversation)) {
    throw new DomainError('forbidden', 'This conversation is assigned to another agent.');
  }
}

/** Agents take or release conversations for themselves; admins assign anyone. */
export function assertCanAssign(
  actor: Actor,
  conversation: ConversationRecord,
  agentId: string | null,
): void {
  assertCanChangeStatus(actor, conversation);
  if (actor.kind !== 'agent' || actor.role === 'admin') return;
  if (agentId !== null && agentId !== actor.agentId) {
    throw new DomainError('forbidden', 'Only an admin assigns a conversation to someone else.');
  }
}

export function assertAdmin(actor: Actor): void {
  if (actor.kind !== 'agent' || actor.role !== 'admin') throw new DomainError('forbidden', 'Admins only.');
}
