/** REST calls for who answers: teams, inbox routing, agents' status, the queue, priority and transfer. */
import type {
  AgentRoutingView,
  AgentStatus,
  AssignmentStrategy,
  Conversation,
  InboxQueueView,
  InboxRouting,
  Priority,
  QueueView,
  Team,
  TransferBody,
  UpdateAgentRoutingBody,
} from '@candor/protocol';
import { request } from './api';

const enc = encodeURIComponent;

export const routingApi = {
  listTeams: () => request<{ teams: Team[] }>('GET', '/api/v1/teams'),
  createTeam: (name: string, defaultCapacity: number | null) =>
    request<{ team: Team }>('POST', '/api/v1/teams', { name, defaultCapacity }),
  updateTeam: (
    id: string,
    change: { name?: string; defaultCapacity?: number | null; memberIds?: string[] },
  ) => request<{ team: Team }>('PATCH', `/api/v1/teams/${enc(id)}`, change),
  deleteTeam: (id: string) => request<void>('DELETE', `/api/v1/teams/${enc(id)}`),
  inboxRouting: (inboxId: string) =>
    request<{ routing: InboxRouting }>('GET', `/api/v1/inboxes/${enc(inboxId)}/routing`),
  setInboxRouting: (inboxId: string, change: { strategy?: AssignmentStrategy; teamIds?: string[] }) =>
    request<{ routing: InboxRouting }>('PATCH', `/api/v1/inboxes/${enc(inboxId)}/routing`, change),
  queues: () => request<{ queues: InboxQueueView[] }>('GET', '/api/v1/queues'),
  queue: (inboxId: string) => request<{ queue: QueueView }>('GET', `/api/v1/inboxes/${enc(inboxId)}/queue`),
  agents: () => request<{ agents: AgentRoutingView[] }>('GET', '/api/v1/routing/agents'),
  updateAgent: (agentId: string, change: UpdateAgentRoutingBody) =>
    request<{ agent: AgentRoutingView }>('PATCH', `/api/v1/routing/agents/${enc(agentId)}`, change),
  setStatus: (agentId: string, status: AgentStatus) =>
    request<{ agent: AgentRoutingView }>('PATCH', `/api/v1/routing/agents/${enc(agentId)}`, { status }),
  setPriority: (conversationId: string, priority: Priority) =>
    request<{ conversation: Conversation }>('POST', `/api/v1/conversations/${enc(conversationId)}/priority`, {
      priority,
    }),
  setRequiredSkills: (conversationId: string, skills: string[]) =>
    request<{ conversation: Conversation }>('POST', `/api/v1/conversations/${enc(conversationId)}/skills`, {
      skills,
    }),
  transfer: (conversationId: string, body: TransferBody) =>
    request<{ conversation: Conversation }>(
      'POST',
      `/api/v1/conversations/${enc(conversationId)}/transfer`,
      body,
    ),
  take: (conversationId: string) =>
    request<{ conversation: Conversation }>('POST', `/api/v1/conversations/${enc(conversationId)}/take`),
};
