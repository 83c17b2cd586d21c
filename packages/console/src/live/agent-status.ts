/**
 * Colleagues' status as the console shows it: read over REST on every (re)connect, then kept live by
 * `agent.status` frames. A frame that arrives while the read is in flight is newer than the read, so
 * it wins over it. Pure functions; the session holds the value.
 */
import type { AgentRoutingView, AgentStatus, AgentStatusFrame } from '@candor/protocol';

export interface ColleagueStatus {
  /** What they chose. */
  readonly status: AgentStatus;
  /** What routing sees: online turns away once their console has been closed a while. */
  readonly effectiveStatus: AgentStatus;
}
export type AgentStatuses = Readonly<Record<string, ColleagueStatus>>;

export const noStatuses: AgentStatuses = {};

export function applyAgentStatus(state: AgentStatuses, frame: AgentStatusFrame): AgentStatuses {
  const held = state[frame.agentId];
  if (held?.status === frame.status && held.effectiveStatus === frame.effectiveStatus) return state;
  return { ...state, [frame.agentId]: { status: frame.status, effectiveStatus: frame.effectiveStatus } };
}

/** A REST read replaces what is held, except agents a frame told us of since the read was asked. */
export function mergeLoaded(
  state: AgentStatuses,
  loaded: readonly AgentRoutingView[],
  toldSince: ReadonlySet<string>,
): AgentStatuses {
  const next: Record<string, ColleagueStatus> = {};
  for (const a of loaded) next[a.agentId] = { status: a.status, effectiveStatus: a.effectiveStatus };
  for (const id of toldSince) {
    const held = state[id];
    if (held) next[id] = held;
  }
  return next;
}

/** What to show of a colleague: as routing sees them; unknown until read. */
export function shownStatus(statuses: AgentStatuses, agentId: string): AgentStatus | null {
  return statuses[agentId]?.effectiveStatus ?? null;
}

const ORDER: Record<AgentStatus, number> = { online: 0, away: 1, offline: 2 };

/** Online first, then away, then offline (and unknown), each by name. */
export function byAvailability<T extends { id: string; name: string }>(
  agents: readonly T[],
  statuses: AgentStatuses,
): T[] {
  const rank = (a: T) => {
    const s = shownStatus(statuses, a.id);
    return s === null ? 3 : ORDER[s];
  };
  return [...agents].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
