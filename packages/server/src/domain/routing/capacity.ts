/** How many open conversations an agent takes at once. */

/** When neither the agent nor any of their teams says. */
export const DEFAULT_CAPACITY = 3;
export const MAX_CAPACITY = 100;

/**
 * The agent's own capacity if set; else the largest default of their teams (a member of a team that
 * takes five is not held to another team's two); else the server's default.
 */
export function capacityOf(
  agentCapacity: number | null,
  teamDefaults: readonly (number | null)[],
  fallback: number = DEFAULT_CAPACITY,
): number {
  if (agentCapacity !== null) return agentCapacity;
  const set = teamDefaults.filter((d): d is number => d !== null);
  return set.length > 0 ? Math.max(...set) : fallback;
}

/** Room left; never negative, even for an agent an admin assigned past capacity by hand. */
export function roomLeft(load: number, capacity: number): number {
  return Math.max(0, capacity - load);
}
