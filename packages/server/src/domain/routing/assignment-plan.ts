/**
 * One routing pass: the waiting conversations, in queue order, each offered to the rule among the
 * agents with room left. Loads and turns move as the pass assigns, so one pass never takes an agent past
 * capacity. Pure: the store runs it inside the transaction that holds the agents (storage/routing-queries).
 */
import {
  eligibleFor,
  type RoutableConversation,
  type RoutingCandidate,
  type RoutingRule,
} from './routing-rule';

export interface Assignment {
  conversationId: string;
  agentId: string;
}

export interface AssignmentPlan {
  assignments: Assignment[];
  /** Each assigned agent's logical clock after the pass, to store (round robin continues from it). */
  lastAssigned: Map<string, number>;
}

export function planAssignments(
  queue: readonly RoutableConversation[],
  candidates: readonly RoutingCandidate[],
  rule: RoutingRule,
): AssignmentPlan {
  const agents = candidates.map((c) => ({ ...c }));
  let clock = agents.reduce((max, c) => Math.max(max, c.lastAssigned), 0);
  const assignments: Assignment[] = [];
  const lastAssigned = new Map<string, number>();
  for (const conversation of queue) {
    if (!agents.some((a) => a.load < a.capacity)) break; // everyone full: the rest waits
    const eligible = eligibleFor(conversation, agents);
    if (eligible.length === 0) continue; // its team is full; later ones may go elsewhere
    const agentId = rule.choose(conversation, eligible);
    const agent = agentId === null ? undefined : eligible.find((a) => a.agentId === agentId);
    if (!agent) continue;
    agent.load += 1;
    agent.lastAssigned = ++clock;
    lastAssigned.set(agent.agentId, clock);
    assignments.push({ conversationId: conversation.id, agentId: agent.agentId });
  }
  return { assignments, lastAssigned };
}
