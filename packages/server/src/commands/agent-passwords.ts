/**
 * Passwords after the first: an admin (or `candor reset-password` on the server) sets or generates an
 * agent's password and every session of that agent ends; an agent changes their own, proving the
 * current one, and their other sessions end. A generated password is returned once, never stored.
 */
import type { AgentSession } from '../auth/agent-sessions';
import { generatePassword, hashPassword, verifyPassword } from '../auth/password';
import { assertCanResetPassword } from '../domain/agent-lifecycle';
import { DomainError } from '../domain/errors';
import type { Actor, AgentRecord } from '../domain/types';
import type { Store } from '../storage/store';
import type { ChatContext } from './context';

/** Sets the password (generated if none given) and deletes every session of the agent. */
export async function setAgentPassword(
  store: Store,
  agent: AgentRecord,
  options: { password?: string | undefined; passwordCost: number },
): Promise<{ generatedPassword: string | undefined; endedSessionIds: string[] }> {
  const generatedPassword = options.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(options.password ?? generatedPassword!, options.passwordCost);
  if (!(await store.updateAgent(agent.id, { passwordHash })))
    throw new DomainError('not_found', 'No such agent.');
  return { generatedPassword, endedSessionIds: await store.deleteAgentSessions(agent.id) };
}

export async function resetPassword(
  ctx: ChatContext,
  actor: Actor,
  request: { id: string; password?: string | undefined; passwordCost: number },
): Promise<string | undefined> {
  assertCanResetPassword(actor);
  const agent = await ctx.store.findAgentById(request.id);
  if (!agent) throw new DomainError('not_found', 'No such agent.');
  const { generatedPassword } = await setAgentPassword(ctx.store, agent, request);
  ctx.emit({ type: 'sessions.ended', agentId: agent.id });
  return generatedPassword;
}

/** The agent's own change: the current password first; this session stays, the others end. */
export async function changeOwnPassword(
  ctx: ChatContext,
  session: AgentSession,
  request: { currentPassword: string; newPassword: string; passwordCost: number },
): Promise<void> {
  const agent = await ctx.store.findAgentById(session.agent.id);
  if (!agent || !(await verifyPassword(request.currentPassword, agent.passwordHash))) {
    // Not 401: the session is fine, only the proof is wrong.
    throw new DomainError('forbidden', 'The current password is wrong.');
  }
  const passwordHash = await hashPassword(request.newPassword, request.passwordCost);
  await ctx.store.updateAgent(agent.id, { passwordHash });
  const ended = await ctx.store.deleteAgentSessions(agent.id, session.sessionId);
  if (ended.length > 0) ctx.emit({ type: 'sessions.ended', agentId: agent.id, sessionIds: ended });
}
