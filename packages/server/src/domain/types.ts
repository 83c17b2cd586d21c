/** The domain nouns, as stored and as the rules see them. Wire shapes live in @candor/protocol. */
import type { ConversationStatus } from '@candor/protocol';

export type AgentRole = 'admin' | 'agent';
export type AuthorType = 'visitor' | 'agent' | 'system';

export interface AgentRecord {
  id: string;
  email: string; // stored lower-cased
  name: string;
  role: AgentRole;
  passwordHash: string;
  createdAt: number;
}

export interface VisitorRecord {
  id: string;
  name: string;
  locale: string | null;
  createdAt: number;
}

export interface ConversationRecord {
  id: string;
  inboxId: string;
  visitorId: string;
  status: ConversationStatus;
  assigneeId: string | null;
  lastSeq: number;
  createdAt: number;
  updatedAt: number;
}

export interface MessageRecord {
  id: string;
  conversationId: string;
  seq: number;
  authorType: AuthorType;
  authorId: string | null;
  body: string;
  clientKey: string | null;
  createdAt: number;
}

/** Who is acting. Every command and read is checked against one of these. */
export type Actor =
  | { kind: 'visitor'; visitorId: string }
  | { kind: 'agent'; agentId: string; role: AgentRole; inboxIds: readonly string[] };

/** The inbox every conversation and agent belongs to until inboxes can be configured. */
export const DEFAULT_INBOX_ID = 'default';
