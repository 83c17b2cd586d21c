/**
 * A routing pass as the store hands it over (agents and queue, read while held) and the decision it
 * gets back: online agents only, each with their capacity, offered the queue in order through the
 * inbox's rule. Pure; the store runs it inside its transaction.
 */
import { effectiveStatus, type AgentStatus, type Presence, type PresenceTiming } from './agent-status';
import { planAssignments, type Assignment } from './assignment-plan';
import { capacityOf } from './capacity';
import type { Priority } from './queue-order';
import { ruleFor, type AssignmentStrategy, type RoutingRule } from './routing-rule';

export interface AgentRoutingState {
  agentId: string;
  status: AgentStatus;
  capacity: number | null;
  skills: string[];
  teamIds: string[];
  teamCapacities: (number | null)[];
  load: number;
  lastAssigned: number;
  presences: Presence[];
}

export interface QueuedConversation {
  id: string;
  priority: Priority;
  waitingSince: number;
  teamId: string | null;
  requiredSkills: string[];
}

export interface RoutingInput {
  inboxId: string;
  strategy: AssignmentStrategy;
  /** Teams the inbox routes to; empty: every agent of the inbox. */
  inboxTeamIds: string[];
  agents: AgentRoutingState[];
  /** Waiting conversations, in queue order. */
  queue: QueuedConversation[];
}

export interface RoutingDecision {
  assignments: readonly Assignment[];
  lastAssigned: ReadonlyMap<string, number>;
}

export interface PassSettings {
  now: number;
  timing: PresenceTiming;
  defaultCapacity: number;
  /** Overrides the inbox's strategy (later rules: intent, account recovery). */
  rule?: RoutingRule;
}

export function isAvailable(agent: AgentRoutingState, settings: PassSettings): boolean {
  return effectiveStatus(agent.status, agent.presences, settings.now, settings.timing) === 'online';
}

export function effectiveCapacity(agent: AgentRoutingState, defaultCapacity: number): number {
  return capacityOf(agent.capacity, agent.teamCapacities, defaultCapacity);
}

export function decidePass(input: RoutingInput, settings: PassSettings): RoutingDecision {
  const candidates = input.agents
    .filter((a) => isAvailable(a, settings))
    .map((a) => ({
      agentId: a.agentId,
      load: a.load,
      capacity: effectiveCapacity(a, settings.defaultCapacity),
      skills: a.skills,
      teamIds: a.teamIds,
      lastAssigned: a.lastAssigned,
    }));
  const queue = input.queue.map((q) => ({
    id: q.id,
    teamIds: q.teamId !== null ? [q.teamId] : input.inboxTeamIds,
    requiredSkills: q.requiredSkills,
  }));
  return planAssignments(queue, candidates, settings.rule ?? ruleFor(input.strategy));
}
