/**
 * Agent status: what the agent chose (online, away, offline), and whether they are really there. An
 * agent who chose online is shown away once their last console socket has been gone for the grace
 * period, on every node: each node keeps a presence row per agent with its socket count and a
 * heartbeat, and this rule reads those rows.
 */

export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export interface Presence {
  /** Console sockets of the agent open on one node. */
  sockets: number;
  /** That node's last heartbeat for the agent, or when its last socket closed. */
  seenAt: number;
}

export interface PresenceTiming {
  /** Away this long after the last socket closed. */
  graceMs: number;
  /** A node that has not beaten for this long is gone: its sockets no longer count. */
  staleMs: number;
}

export function effectiveStatus(
  chosen: AgentStatus,
  presences: readonly Presence[],
  now: number,
  timing: PresenceTiming,
): AgentStatus {
  if (chosen !== 'online') return chosen;
  let lastSeen = -Infinity;
  for (const p of presences) {
    if (p.sockets > 0 && now - p.seenAt <= timing.staleMs) return 'online';
    lastSeen = Math.max(lastSeen, p.seenAt);
  }
  return now - lastSeen <= timing.graceMs ? 'online' : 'away';
}
