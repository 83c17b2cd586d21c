/** The signed-in agent's notification preferences, kept per agent so they follow them across browsers. */
import type { AgentPreferences } from '@candor/protocol';
import { readPreferences } from '../domain/agent-preferences';
import type { ChatContext } from './context';

export async function preferencesOf(ctx: ChatContext, agentId: string): Promise<AgentPreferences> {
  const stored = await ctx.store.agentPreferences(agentId);
  if (stored === undefined) return readPreferences(undefined);
  try {
    return readPreferences(JSON.parse(stored));
  } catch {
    return readPreferences(undefined); // unreadable: the defaults, rewritten by the next save
  }
}

export async function setPreferences(
  ctx: ChatContext,
  agentId: string,
  preferences: AgentPreferences,
): Promise<AgentPreferences> {
  // Normalised before it is stored: only the known fields, never what else a client sent.
  const kept = readPreferences(preferences);
  await ctx.store.setAgentPreferences(agentId, JSON.stringify(kept), ctx.now());
  return kept;
}
