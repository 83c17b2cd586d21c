/**
 * Tells every agent's console (agent.status_changed on the `agents` topic) an agent's status as they
 * chose it and as routing sees it now (domain/routing/agent-status.ts), read from the store so every
 * node says the same.
 */
import { effectiveStatus, type AgentStatus } from '../../domain/routing/agent-status';
import type { ChatContext } from '../context';

export async function announceStatus(ctx: ChatContext, agentId: string): Promise<AgentStatus> {
  const [[routing], presences] = await Promise.all([
    ctx.store.listAgentRouting([agentId]),
    ctx.store.listPresence([agentId]),
  ]);
  const status = routing?.status ?? 'online';
  const timing = ctx.routing?.settings.timing;
  const seen = presences.get(agentId) ?? [];
  const effective = timing ? effectiveStatus(status, seen, ctx.now(), timing) : status;
  ctx.emit({ type: 'agent.status_changed', agentId, status, effectiveStatus: effective });
  return effective;
}
