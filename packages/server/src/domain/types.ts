/** The domain nouns, as stored and as the rules see them. Wire shapes live in @candor/protocol. */
import type { Priority } from './routing/queue-order';
import type { ConversationStatus, PreviewPolicy, Verification } from '@candor/protocol';

/** supervisor: an agent who may also approve recovery actions (issue 14); otherwise an agent's rights. */
export type AgentRole = 'admin' | 'supervisor' | 'agent';
export type AuthorType = 'visitor' | 'agent' | 'system' | 'bot';

export interface AgentRecord {
  id: string;
  email: string; // stored lower-cased
  name: string;
  role: AgentRole;
  passwordHash: string;
  /** false: deactivated by an admin; cannot sign in, and has no session. */
  active: boolean;
  createdAt: number;
}

/** A signed-in session of an agent, as they may see it: never the token or its hash. */
export interface SessionRecord {
  /** Opaque: names the session to end it, and cannot be used to sign in. */
  id: string;
  agentId: string;
  createdAt: number;
  expiresAt: number;
  userAgent: string | null;
  ip: string | null;
}

export interface VisitorRecord {
  id: string;
  name: string;
  locale: string | null;
  createdAt: number;
  /** How the visitor is known (migration 0007); absent where a query does not read it. */
  verification?: Verification;
}

/** What agents see of a visitor besides pages and conversations (issue 12). */
export interface ContactRecord {
  visitorId: string;
  name: string;
  email: string | null;
  verification: Verification;
  language: string | null;
  timeZone: string | null;
}

/** A page of the host site, as kept: no query, no fragment. */
export interface PageRecord {
  url: string;
  title: string;
  at: number;
}

/** An inbox's pre-chat form and signed-identity settings. The secret never leaves the server. */
export interface InboxContactSettings {
  inboxId: string;
  preChatEnabled: boolean;
  preChatRequireEmail: boolean;
  identityEnforce: boolean;
  identitySecret: string | null;
}

export interface ConversationRecord {
  id: string;
  inboxId: string;
  visitorId: string;
  status: ConversationStatus;
  assigneeId: string | null;
  lastSeq: number;
  /** The visitor's typing-preview switch; drafts flow only if it is on AND the inbox policy allows. */
  previewEnabled: boolean;
  createdAt: number;
  updatedAt: number;
  /** Queue order and the console's control (domain/routing/queue-order.ts). */
  priority: Priority;
  /** Set when transferred to a team: only its members may be routed it. */
  teamId: string | null;
}

export interface InboxRecord {
  id: string;
  name: string;
  previewPolicy: PreviewPolicy;
}

/** One entry of the consent trail: what the visitor was shown and chose, and when. Never a draft. */
export interface ConsentRecord {
  conversationId: string;
  visitorId: string;
  policy: PreviewPolicy;
  enabled: boolean;
  noticeShown: boolean;
  createdAt: number;
}

/** A secret was masked: its kind and label only. */
export interface RedactionEventRecord {
  conversationId: string;
  messageId: string | null;
  kind: string;
  label: string;
  createdAt: number;
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
