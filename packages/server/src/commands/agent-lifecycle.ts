/**
 * Admins change an agent's name, role and whether they may sign in; an agent renames themselves and
 * ends their own sessions. Each change is decided by domain/agent-lifecycle.ts, written, then announced
 * on the agent's topic so every node closes or reconnects the sockets it holds.
 */
import type { AgentSession } from '../auth/agent-sessions';
import { decideAgentChange, type AgentChange } from '../domain/agent-lifecycle';
import { DomainError } from '../domain/errors';
import type { Actor, AgentRecord } from '../domain/types';
import { StoreConflictError } from '../storage/store';
import type { ChatContext } from './context';

export async function changeAgent(
  ctx: ChatContext,
  actor: Actor,
  request: { id: string; change: AgentChange },
): Promise<AgentRecord> {
  const target = await ctx.store.findAgentById(request.id);
  if (!target) throw new DomainError('not_found', 'No such agent.');
  const effects = decideAgentChange({
    actor,
    target,
    change: request.change,
    activeAdmins: await ctx.store.countActiveAdmins(),
  });
  // The store checks again, in its transaction, that an active admin is left: two admins demoting
  // each other at once cannot both pass.
  const updated = await ctx.store.updateAgent(target.id, request.change).catch((err: unknown) => {
    if (err instanceof StoreConflictError)
      throw new DomainError('conflict', 'This is the last active admin; make another admin first.');
    throw err;
  });
  if (!updated) throw new DomainError('not_found', 'No such agent.');
  if (effects.endSessions) ctx.emit({ type: 'sessions.ended', agentId: target.id });
  if (effects.roleChanged) ctx.emit({ type: 'agent.role_changed', agentId: target.id });
  if (updated.name !== target.name) ctx.emit({ type: 'agent.renamed', agentId: target.id });
  return updated;
}

export async function renameSelf(
  ctx: ChatContext,
  session: AgentSession,
  name: string,
): Promise<AgentRecord> {
  const updated = await ctx.store.updateAgent(session.agent.id, { name });
  if (!updated) throw new DomainError('unauthenticated', 'Log in first.');
  if (updated.name !== session.agent.name) ctx.emit({ type: 'agent.renamed', agentId: updated.id });
  return updated;
}

/** Ends one of the agent's own sessions; another agent's id reads as unknown. */
export async function endSession(ctx: ChatContext, session: AgentSession, sessionId: string): Promise<void> {
  if (!(await ctx.store.deleteSessionById(session.agent.id, sessionId)))
    throw new DomainError('not_found', 'No such session.');
  ctx.emit({ type: 'sessions.ended', agentId: session.agent.id, sessionIds: [sessionId] });
}
