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
  SessionRecord,
  VisitorRecord,
} from '../domain/types';
import type { ContactStore } from './contact-store';
import type { ArticleStore } from './article-store';
import type { BotStore } from './bot-store';
import type { ConversationStatus, PreviewPolicy, RedactionRule } from '@candor/protocol';
import type { RateStore } from './rate-store';
import type { RoutingStore } from './routing-store';
import type { Priority } from '../domain/routing/queue-order';
import type { AgentToolsStore } from './agent-tools-store';
import type { SearchStore } from './search/search-store';
import type { TokenWindow } from '../domain/visitor-tokens';
import type { SatisfactionStore } from './satisfaction-store';
import type { MailStore } from './mail-store';
import type { HostAccountStore } from './host-account-store';
import type { WebhookStore } from './webhook-store';
import type { MailQueueStore } from './mail-queue-store';
import type { RecoveryStore } from './recovery-store';
import type { AuditStore } from './audit-store';
import type { SupportReferenceStore } from './support-reference-store';
import type { RecoveryActionStore } from './recovery-action-store';

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
  /** Only conversations carrying this tag (normalised). */
  tag?: string;
  /** Only conversations transferred to this team (routing's team_id). */
  teamId?: string;
}

export interface ConversationQuery extends ConversationFilter {
  limit: number;
  /** By last update: 'newest' first (default), or 'oldest' first (who has waited longest). */
  order?: 'newest' | 'oldest';
}

export interface ConversationPatch {
  status?: ConversationStatus;
  assigneeId?: string | null;
  /** Routing (migration 0008): priority moves it in the queue; a team limits who is routed it. */
  priority?: Priority;
  teamId?: string | null;
  requiredSkills?: readonly string[];
  /** Back in the queue from this time (unassigned, transferred to a team); null: not waiting. */
  waitingSince?: number | null;
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

/** What an admin (or the agent, for name and password) may change of an agent. */
export interface AgentPatch {
  name?: string;
  role?: AgentRole;
  active?: boolean;
  passwordHash?: string;
}

export interface NewSession {
  /** SHA-256 of the token: what the cookie is looked up by. */
  tokenHash: string;
  /** Opaque id, shown to the agent to name the session. */
  id: string;
  agentId: string;
  expiresAt: number;
  now: number;
  userAgent?: string | null;
  ip?: string | null;
}

export interface Store
  extends
    RateStore,
    RoutingStore,
    AgentToolsStore,
    SearchStore,
    ContactStore,
    SatisfactionStore,
    MailStore,
    MailQueueStore,
    ArticleStore,
    HostAccountStore,
    WebhookStore,
    RecoveryStore,
    AuditStore,
    SupportReferenceStore,
    RecoveryActionStore,
    BotStore {
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

  /**
   * Applies the patch; undefined if there is no such agent. Throws StoreConflictError, writing nothing,
   * if no active admin would be left. Deactivating also deletes the agent's sessions, in the same
   * transaction.
   */
  updateAgent(id: string, patch: AgentPatch): Promise<AgentRecord | undefined>;
  countActiveAdmins(): Promise<number>;

  /**
   * Sessions are stored by the SHA-256 of their token, never the token itself. Also deletes the agent's
   * sessions already expired at `now`.
   */
  createSession(session: NewSession): Promise<void>;
  /** The live session of that token hash, if its agent is active. */
  findSession(
    tokenHash: string,
    now: number,
  ): Promise<{ agent: AgentRecord; session: SessionRecord } | undefined>;
  /** An agent's live sessions, newest first. */
  listSessions(agentId: string, now: number): Promise<SessionRecord[]>;
  /** Which of these session ids are still live (agent active, not expired, not deleted). */
  liveSessionIds(ids: readonly string[], now: number): Promise<Set<string>>;
  deleteSession(tokenHash: string): Promise<void>;
  /** false if this agent has no session with that id. */
  deleteSessionById(agentId: string, id: string): Promise<boolean>;
  /** Deletes every session of the agent except `keepId`; returns the ids deleted. */
  deleteAgentSessions(agentId: string, keepId?: string): Promise<string[]>;

  /** Visitors are found by the SHA-256 of their token. */
  createVisitor(visitor: VisitorRecord & { tokenHash: string }): Promise<void>;
  findVisitorByTokenHash(tokenHash: string): Promise<VisitorRecord | undefined>;
  findVisitorById(id: string): Promise<VisitorRecord | undefined>;
  /** A visitor's token was used now; last use is kept to the hour. */
  markVisitorSeen(id: string, now: number): Promise<void>;
  /** Deletes visitors last seen before `seenBefore` who never started a conversation; how many. */
  purgeIdleVisitors(seenBefore: number): Promise<number>;
  /**
   * A returning visitor, in one atomic step: the visitor whose current token (used after
   * `window.usedAfter`) or previous token (until `window.now`) hashes to `tokenHash` now holds
   * `newTokenHash`, and its token until now stays valid until `window.previousUntil`. undefined when no
   * visitor holds a valid token with that hash (unknown, idle too long, or replaced past its grace).
   */
  rotateVisitorToken(
    hashes: { tokenHash: string; newTokenHash: string },
    window: TokenWindow,
  ): Promise<VisitorRecord | undefined>;

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
  /** Per conversation, the highest seq any agent has read; conversations none has read are absent. */
  seenSeqs(conversationIds: readonly string[]): Promise<Map<string, number>>;

  /** An agent's notification preferences as JSON text; undefined when they never changed them. */
  agentPreferences(agentId: string): Promise<string | undefined>;
  /** Replaces them (last write wins). */
  setAgentPreferences(agentId: string, preferences: string, now: number): Promise<void>;
}

export class StoreConflictError extends Error {
  override readonly name = 'StoreConflictError';
}

/** The store refused a value it was given (see StoreErrorKind 'invalid'): a client error, not retryable. */
export class StoreInvalidInputError extends Error {
  override readonly name = 'StoreInvalidInputError';
}

/** The store could not be reached or failed mid-write; nothing was acknowledged. Retryable. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

export type { AgentRole };
