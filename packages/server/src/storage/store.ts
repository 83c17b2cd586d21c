/**
 * The Store seam: everything Candor keeps. Implementations: sqlite/ (embedded default) and postgres/.
 * Both pass the one contract suite in store.contract.ts. Times are epoch milliseconds.
 */
import type {
  AgentRecord,
  AgentRole,
  AuthorType,
  ConsentRecord,
  InboxRecord,
  RedactionEventRecord,
  ConversationRecord,
  MessageRecord,
  VisitorRecord,
} from '../domain/types';
import type { ConversationStatus, PreviewPolicy, RedactionRule } from '@candor/protocol';

export interface NewMessage {
  authorType: AuthorType;
  authorId: string | null;
  body: string;
  /** Idempotency key, unique per (authorType, authorId); a repeat returns the stored message. */
  clientKey: string | null;
  now: number;
}

export interface AppendResult {
  message: MessageRecord;
  conversation: ConversationRecord;
  /** false when the clientKey was already stored: nothing was written. */
  created: boolean;
}

export interface ConversationFilter {
  inboxIds: readonly string[];
  status?: ConversationStatus;
  /** A string: assigned to that agent; null: unassigned; undefined: any. */
  assigneeId?: string | null;
}

export interface ConversationQuery extends ConversationFilter {
  limit: number;
  /** By last update: 'newest' first (default), or 'oldest' first (who has waited longest). */
  order?: 'newest' | 'oldest';
}

export interface ConversationPatch {
  status?: ConversationStatus;
  assigneeId?: string | null;
  now: number;
}

/** The last message of a conversation, for inbox previews. */
export interface LastMessage {
  conversationId: string;
  seq: number;
  authorType: AuthorType;
  body: string;
  createdAt: number;
}

export interface Store {
  /** Runs pending migrations; safe to call on every start and from several nodes. */
  migrate(): Promise<void>;
  /** Cheap round trip, for readiness. Throws if the store is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;

  countAgents(): Promise<number>;
  /** Also makes the agent a member of the default inbox. Throws StoreConflictError on a taken email. */
  createAgent(agent: AgentRecord): Promise<void>;
  findAgentById(id: string): Promise<AgentRecord | undefined>;
  findAgentByEmail(email: string): Promise<AgentRecord | undefined>;
  listAgents(): Promise<AgentRecord[]>;
  listAgentInboxIds(agentId: string): Promise<string[]>;

  /** Sessions are stored by the SHA-256 of their token, never the token itself. */
  createSession(session: {
    tokenHash: string;
    agentId: string;
    expiresAt: number;
    now: number;
  }): Promise<void>;
  findSessionAgent(tokenHash: string, now: number): Promise<AgentRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;

  /** Visitors are found by the SHA-256 of their token. */
  createVisitor(visitor: VisitorRecord & { tokenHash: string }): Promise<void>;
  findVisitorByTokenHash(tokenHash: string): Promise<VisitorRecord | undefined>;
  findVisitorById(id: string): Promise<VisitorRecord | undefined>;

  getConversation(id: string): Promise<ConversationRecord | undefined>;
  /** Newest first. */
  listVisitorConversations(visitorId: string, limit: number): Promise<ConversationRecord[]>;
  /** By last update, most recent first unless `order` says 'oldest'; ties by id. */
  listConversations(query: ConversationQuery): Promise<ConversationRecord[]>;
  countConversations(filter: ConversationFilter): Promise<number>;
  /** Returns the updated conversation, or undefined if there is none with that id. */
  updateConversation(id: string, patch: ConversationPatch): Promise<ConversationRecord | undefined>;

  /**
   * Atomically: if the clientKey is known for this author, return that message (created: false);
   * otherwise assign the next seq of the conversation, store the message, bump lastSeq and updatedAt.
   * Only returns after the write is durable.
   */
  appendMessage(conversationId: string, message: NewMessage): Promise<AppendResult>;
  /** The same, creating the conversation first (a visitor's first message), in one transaction. */
  startConversation(
    conversation: { id: string; inboxId: string; visitorId: string },
    message: NewMessage,
  ): Promise<AppendResult>;
  findMessageByClientKey(
    authorType: AuthorType,
    authorId: string | null,
    clientKey: string,
  ): Promise<MessageRecord | undefined>;
  /** Messages with seq > afterSeq, ascending, at most limit. */
  listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRecord[]>;
  lastMessages(conversationIds: readonly string[]): Promise<LastMessage[]>;

  /** A secret shared by every node: the stored one, or `fresh` if none was stored yet (first writer wins). */
  sharedSecret(name: string, fresh: string, now: number): Promise<string>;

  listInboxes(): Promise<InboxRecord[]>;
  updateInboxPolicy(id: string, policy: PreviewPolicy): Promise<InboxRecord | undefined>;
  /** Sets a conversation's preview switch and appends the consent record, in one transaction. */
  setPreview(
    conversationId: string,
    consent: Omit<ConsentRecord, 'conversationId'>,
  ): Promise<ConversationRecord | undefined>;
  /** Turns off every preview switch left on in an inbox (its policy was tightened), with consent records. */
  resetPreviews(inboxId: string, at: { policy: PreviewPolicy; createdAt: number }): Promise<number>;
  /** The consent trail of a conversation, oldest first. */
  listConsents(conversationId: string): Promise<ConsentRecord[]>;

  listRedactionRules(): Promise<RedactionRule[]>;
  createRedactionRule(rule: RedactionRule & { createdBy: string; now: number }): Promise<void>;
  /** false when there was no such rule. */
  deleteRedactionRule(id: string): Promise<boolean>;
  recordRedactions(events: readonly RedactionEventRecord[]): Promise<void>;
  listRedactionEvents(conversationId: string): Promise<RedactionEventRecord[]>;

  /** Read markers only move forward. */
  markRead(agentId: string, conversationId: string, seq: number): Promise<void>;
  /** Per conversation: this agent's last read seq (0 if none) and visitor messages after it. */
  readStates(
    agentId: string,
    conversationIds: readonly string[],
  ): Promise<Map<string, { lastReadSeq: number; unread: number }>>;
}

export class StoreConflictError extends Error {
  override readonly name = 'StoreConflictError';
}

/** The store could not be reached or failed mid-write; nothing was acknowledged. Retryable. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

export type { AgentRole };
