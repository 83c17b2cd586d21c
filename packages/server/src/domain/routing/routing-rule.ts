/**
 * Who takes a waiting conversation: the one seam every assignment goes through. A rule sees plain data
 * (the conversation, and agents with their load, capacity, skills and when each was last given one) and
 * names an agent or nobody. Later rules (priority lanes, intent, account recovery) are new RoutingRules;
 * the store transaction and the transport do not change.
 */

export const ASSIGNMENT_STRATEGIES = ['manual', 'round_robin', 'least_busy', 'skill_match'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];
export const DEFAULT_STRATEGY: AssignmentStrategy = 'round_robin';

export interface RoutingCandidate {
  agentId: string;
  /** Open conversations assigned to the agent now, in every inbox. */
  load: number;
  capacity: number;
  skills: readonly string[];
  /** The teams the agent is a member of. */
  teamIds: readonly string[];
  /** A logical clock: higher was given a conversation more recently; 0 never. */
  lastAssigned: number;
  /** Only online agents (domain/routing/agent-status.ts) are candidates; the caller filters. */
}

export interface RoutableConversation {
  id: string;
  /**
   * Only members of one of these teams may take it: the team it was transferred to, else the teams its
   * inbox routes to. Empty: any candidate of the inbox.
   */
  teamIds: readonly string[];
  requiredSkills: readonly string[];
}

export interface RoutingRule {
  readonly name: string;
  /** The chosen agent's id, or null to leave the conversation waiting. Never called with nobody eligible. */
  choose(conversation: RoutableConversation, eligible: readonly RoutingCandidate[]): string | null;
}

/** Who may take a conversation at all, whatever the rule: room left, and in its team if it has one. */
export function eligibleFor(
  conversation: RoutableConversation,
  candidates: readonly RoutingCandidate[],
): RoutingCandidate[] {
  return candidates.filter(
    (c) =>
      c.load < c.capacity &&
      (conversation.teamIds.length === 0 || conversation.teamIds.some((t) => c.teamIds.includes(t))),
  );
}

/** The first by the comparison, ties by agent id so every node picks the same. */
function first(
  eligible: readonly RoutingCandidate[],
  compare: (a: RoutingCandidate, b: RoutingCandidate) => number,
): string | null {
  let best: RoutingCandidate | undefined;
  for (const c of eligible) {
    if (!best) best = c;
    else {
      const order = compare(c, best);
      if (order < 0 || (order === 0 && c.agentId < best.agentId)) best = c;
    }
  }
  return best?.agentId ?? null;
}

const byLastAssigned = (a: RoutingCandidate, b: RoutingCandidate) => a.lastAssigned - b.lastAssigned;
const byLoad = (a: RoutingCandidate, b: RoutingCandidate) =>
  // The smaller share of capacity in use; equal shares go to whoever waited longest for one.
  a.load / a.capacity - b.load / b.capacity || byLastAssigned(a, b);

/** Agents take turns: whoever was given one least recently. */
export const roundRobin: RoutingRule = {
  name: 'round_robin',
  choose: (_conversation, eligible) => first(eligible, byLastAssigned),
};

/** The agent with the most room, as a share of their capacity. */
export const leastBusy: RoutingRule = {
  name: 'least_busy',
  choose: (_conversation, eligible) => first(eligible, byLoad),
};

/** Only agents holding every skill the conversation asks for; among them the least busy. */
export const skillMatch: RoutingRule = {
  name: 'skill_match',
  choose: (conversation, eligible) =>
    first(
      eligible.filter((c) => conversation.requiredSkills.every((s) => c.skills.includes(s))),
      byLoad,
    ),
};

/** Agents pick from the queue themselves. */
export const manual: RoutingRule = { name: 'manual', choose: () => null };

export function ruleFor(strategy: AssignmentStrategy): RoutingRule {
  switch (strategy) {
    case 'manual':
      return manual;
    case 'round_robin':
      return roundRobin;
    case 'least_busy':
      return leastBusy;
    case 'skill_match':
      return skillMatch;
  }
}
