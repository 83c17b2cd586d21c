/**
 * The part of the Store that decides who answers (teams, agent status and capacity, the queue). What
 * must hold across nodes (no conversation assigned twice, no agent past capacity) is decided inside
 * routeInbox / takeConversation: one transaction that holds the inbox's routing row, then the candidate
 * agents' rows in id order (PostgreSQL; SQLite has one writer), and calls the caller's pure decision.
 */
import type { ConversationRecord } from '../domain/types';
import type { AgentStatus, Presence } from '../domain/routing/agent-status';
import type {
  AgentRoutingState,
  QueuedConversation,
  RoutingDecision,
  RoutingInput,
} from '../domain/routing/routing-pass';
import type { AssignmentStrategy } from '../domain/routing/routing-rule';
import type { WaitSample } from '../domain/routing/wait-estimate';

export interface TeamRecord {
  id: string;
  name: string;
  /** Capacity of members who have none of their own; null: the server's default. */
  defaultCapacity: number | null;
  memberIds: string[];
  createdAt: number;
}

export interface TeamPatch {
  name?: string;
  defaultCapacity?: number | null;
  memberIds?: readonly string[];
}

export interface InboxRouting {
  inboxId: string;
  strategy: AssignmentStrategy;
  /** Teams the inbox routes to; empty: every agent of the inbox. */
  teamIds: string[];
}

export interface AgentRouting {
  agentId: string;
  /** What the agent chose; see domain/routing/agent-status.ts for what others see. */
  status: AgentStatus;
  /** null: their teams' default, else the server's. */
  capacity: number | null;
  skills: string[];
}

export interface AgentRoutingPatch {
  status?: AgentStatus;
  capacity?: number | null;
  skills?: readonly string[];
}

/** What a routing pass reads under lock, and what it decides: domain/routing/routing-pass.ts. */
export type RoutingAgentState = AgentRoutingState;
export type QueuedRecord = QueuedConversation;
export type { RoutingDecision, RoutingInput };

export interface RoutingOutcome {
  assigned: ConversationRecord[];
  /** Still waiting after the pass, in order. */
  queue: QueuedRecord[];
}

/** What one routing pass reads of the queue: positions past it are not told. */
export const QUEUE_READ_LIMIT = 1000;

export interface RoutingStore {
  listTeams(): Promise<TeamRecord[]>;
  createTeam(team: Omit<TeamRecord, 'memberIds'> & { memberIds: readonly string[] }): Promise<TeamRecord>;
  /** undefined when there is no such team. */
  updateTeam(id: string, patch: TeamPatch): Promise<TeamRecord | undefined>;
  deleteTeam(id: string): Promise<boolean>;

  getInboxRouting(inboxId: string): Promise<InboxRouting>;
  setInboxRouting(
    inboxId: string,
    patch: { strategy?: AssignmentStrategy; teamIds?: readonly string[] },
  ): Promise<InboxRouting>;

  /** Agents without a routing row get the defaults (online, no own capacity, no skills). */
  listAgentRouting(agentIds: readonly string[]): Promise<AgentRouting[]>;
  updateAgentRouting(agentId: string, patch: AgentRoutingPatch): Promise<AgentRouting>;

  /** This node's console sockets of the agent now (0 when the last closed; seenAt is then the close). */
  setPresence(agentId: string, nodeId: string, sockets: number, now: number): Promise<void>;
  /** Heartbeat: these agents still have sockets on this node. */
  beatPresence(nodeId: string, agentIds: readonly string[], now: number): Promise<void>;
  listPresence(agentIds: readonly string[]): Promise<Map<string, Presence[]>>;

  /** One routing pass of an inbox, decided by `decide` while the inbox and its agents are held. */
  routeInbox(
    inboxId: string,
    now: number,
    decide: (input: RoutingInput) => RoutingDecision,
  ): Promise<RoutingOutcome>;
  /**
   * Gives one conversation to one agent under the same locks; `check` sees the agent's state and the
   * conversation as locked and throws to refuse. undefined when there is no such conversation.
   */
  takeConversation(
    conversationId: string,
    agentId: string,
    now: number,
    check: (agent: RoutingAgentState, conversation: ConversationRecord) => void,
  ): Promise<ConversationRecord | undefined>;
  listQueue(inboxId: string, limit: number): Promise<QueuedRecord[]>;
  /** Required skills of these conversations (agents' views); a conversation without any is absent. */
  requiredSkillsOf(conversationIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Times to first assignment in the inbox since `since`, newest first, at most limit. */
  listWaitSamples(inboxId: string, since: number, limit: number): Promise<WaitSample[]>;
}
