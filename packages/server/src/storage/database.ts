/**
 * The tables as Kysely sees them, and the mapping from rows to domain records. Columns are snake_case;
 * times are epoch milliseconds in bigint columns, read back as JS numbers by both dialects.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  AgentRecord,
  AgentRole,
  AuthorType,
  ConversationRecord,
  MessageRecord,
  SessionRecord,
  VisitorRecord,
} from '../domain/types';
import type { Priority } from '../domain/routing/queue-order';
import type { AssignmentStrategy } from '../domain/routing/routing-rule';
import type { AgentStatus } from '../domain/routing/agent-status';
import type { ConversationStatus, PreviewPolicy, RedactionRule, Verification } from '@candor/protocol';

export interface AgentsTable {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  password_hash: string;
  /** 1 active, 0 deactivated (migration 0005; integers 0/1 on both dialects). */
  active: Generated<number>;
  created_at: number;
}

export interface InboxesTable {
  id: string;
  name: string;
  preview_policy: PreviewPolicy;
  created_at: number;
  /** Migration 0007: pre-chat form and signed identity (integers 0/1). */
  prechat_enabled: Generated<number>;
  prechat_require_email: Generated<number>;
  identity_enforce: Generated<number>;
  identity_secret: string | null;
}

export interface PreviewConsentsTable {
  id: string;
  conversation_id: string;
  visitor_id: string;
  policy: PreviewPolicy;
  enabled: number;
  notice_shown: number;
  created_at: number;
}

export interface RedactionRulesTable {
  id: string;
  label: string;
  pattern: string;
  validator: RedactionRule['validator'];
  created_by: string;
  created_at: number;
}

export interface SecretsTable {
  name: string;
  value: string;
  created_at: number;
}

export interface RedactionEventsTable {
  id: string;
  conversation_id: string;
  message_id: string | null;
  kind: string;
  label: string;
  created_at: number;
}

export interface AgentInboxesTable {
  agent_id: string;
  inbox_id: string;
}

export interface SessionsTable {
  token_hash: string;
  /**
   * Opaque id shown to the agent (migration 0005): ends the session, cannot open one. Null only for a
   * session opened by a node still running older code during a rolling upgrade; given one on first use.
   */
  id: string | null;
  agent_id: string;
  expires_at: number;
  created_at: number;
  user_agent: string | null;
  ip: string | null;
}

export interface VisitorsTable {
  id: string;
  token_hash: string;
  name: string;
  locale: string | null;
  created_at: number;
  /** Last hello with its token, to the hour (see visitor-queries.ts); purges go by it. */
  last_seen_at: Generated<number>;
  /** Migration 0007: the contact (contact-queries.ts). */
  email: string | null;
  language: string | null;
  time_zone: string | null;
  verification: Generated<Verification>;
  /** Set together for a signed visitor: the inbox whose secret vouched, and the host's user id. */
  signed_inbox_id: string | null;
  external_id: string | null;
}

export interface VisitorPagesTable {
  id: string;
  visitor_id: string;
  url: string;
  title: string;
  visited_at: number;
}

/** An identity token seen, by its SHA-256, kept until its exp (replays are refused on every node). */
export interface IdentityTokenUsesTable {
  token_hash: string;
  expires_at: number;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  window_start: number;
  blocked_until: number;
  expires_at: number;
  version: number;
}

/** Valid while used within the idle time and, once replaced, until replaced_until (domain/visitor-tokens.ts). */
export interface VisitorTokensTable {
  token_hash: string;
  visitor_id: string;
  used_at: number;
  replaced_until: number | null;
}

export interface ConversationsTable {
  id: string;
  inbox_id: string;
  visitor_id: string;
  status: ConversationStatus;
  assignee_id: string | null;
  last_seq: number;
  preview_enabled: Generated<number>;
  created_at: number;
  updated_at: number;
  /** Migration 0008 (routing-queries.ts): the queue orders by rank, then waiting_since ?? created_at. */
  priority: Generated<Priority>;
  priority_rank: Generated<number>;
  team_id: Generated<string | null>;
  /** JSON array of skill labels, or null. */
  required_skills: Generated<string | null>;
  /** When it went back to waiting (unassigned, transferred to a team); null: since created_at. */
  waiting_since: Generated<number | null>;
}

/** The columns a ConversationRecord is made of: hot queries list exactly these. */
export type ConversationRow = Pick<
  Selectable<ConversationsTable>,
  | 'id'
  | 'inbox_id'
  | 'visitor_id'
  | 'status'
  | 'assignee_id'
  | 'last_seq'
  | 'preview_enabled'
  | 'created_at'
  | 'updated_at'
  | 'priority'
  | 'team_id'
>;

export interface TeamsTable {
  id: string;
  name: string;
  default_capacity: number | null;
  created_at: number;
}

export interface TeamMembersTable {
  team_id: string;
  agent_id: string;
}

export interface InboxTeamsTable {
  inbox_id: string;
  team_id: string;
}

export interface InboxRoutingTable {
  inbox_id: string;
  strategy: Generated<AssignmentStrategy>;
}

export interface AgentRoutingTable {
  agent_id: string;
  status: Generated<AgentStatus>;
  capacity: number | null;
  /** JSON array of skill labels. */
  skills: Generated<string>;
  last_assigned: Generated<number>;
}

export interface AgentPresenceTable {
  agent_id: string;
  node_id: string;
  sockets: number;
  seen_at: number;
}

export interface RoutingWaitsTable {
  conversation_id: string;
  inbox_id: string;
  assigned_at: number;
  waited_ms: number;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  author_type: AuthorType;
  author_id: string | null;
  body: string;
  client_key: string | null;
  created_at: number;
  /**
   * PostgreSQL only (migration 0013): the message's search terms, written by the insert that stores it
   * (search/search-indexing.ts `searchTermsSql`); never selected, so not in the row type.
   */
  search_terms: ColumnType<never, string | undefined, never>;
}

/**
 * The columns a message is read with: never `selectAll()`, which on PostgreSQL would also fetch the
 * row's search terms (migration 0013), a tsvector no reader needs, on every history page.
 */
export const MESSAGE_COLUMNS = [
  'id',
  'conversation_id',
  'seq',
  'author_type',
  'author_id',
  'body',
  'client_key',
  'created_at',
] as const satisfies readonly (keyof MessagesTable)[];

export interface AgentReadsTable {
  agent_id: string;
  conversation_id: string;
  last_read_seq: number;
}

export interface ConversationNotesTable {
  id: string;
  conversation_id: string;
  author_id: string;
  body: string;
  created_at: number;
}

export interface ConversationActivityTable {
  id: string;
  conversation_id: string;
  kind: string;
  actor_type: AuthorType;
  actor_id: string | null;
  /** JSON of ActivityDetail. */
  detail: string;
  created_at: number;
}

export interface ConversationTagsTable {
  conversation_id: string;
  tag: string;
  created_at: number;
}

export interface CannedResponsesTable {
  id: string;
  owner_id: string | null;
  /** 'shared' or 'agent:<owner id>': a shortcut is unique per scope and locale. */
  scope_key: string;
  shortcut: string;
  locale: string;
  body: string;
  created_at: number;
  updated_at: number;
}

export interface AgentPreferencesTable {
  agent_id: string;
  /** JSON of the API's AgentPreferences. */
  preferences: string;
  updated_at: number;
}

export interface ConversationRatingsTable {
  id: string;
  conversation_id: string;
  inbox_id: string;
  visitor_id: string;
  /** Which resolution of the conversation is rated: 1 for the first, 2 after a reopen and a resolve… */
  resolution: number;
  score: number;
  comment: string;
  created_at: number;
}

export interface InboxHoursTable {
  inbox_id: string;
  /** JSON of the API's Schedule. */
  schedule: string;
  updated_at: number;
}

export interface ArticlesTable {
  id: string;
  locale: string;
  /** Unique per locale (migration 0014); never changes, so the public URL is stable. */
  slug: string;
  title: string;
  body: string;
  category: string | null;
  /** 1 published, 0 draft. */
  published: number;
  created_at: number;
  updated_at: number;
}

export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: number;
  /** Migration 0022: 'sms' for a text message kept instead of sent; 'email' otherwise. */
  channel: ColumnType<'email' | 'sms', 'email' | 'sms' | undefined, 'email' | 'sms'>;
}

/** Migration 0023 (mail-queue-queries.ts): mails waiting to be sent, deleted once sent or given up. */
export interface MailQueueTable {
  id: string;
  /** What kind of mail (reply, transcript…): for logs. */
  kind: string;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  /** Tries started so far (a claim counts one). */
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
}

export interface SupportReferencesTable {
  /** SHA-256 (hex) of the normalised reference (CND-XXXX-XXXX): the reference itself is not kept. */
  reference_hash: string;
  agent_id: string;
  conversation_id: string | null;
  issued_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface ReopenTokensTable {
  /** SHA-256 of the token in the link, never the token. */
  token_hash: string;
  visitor_id: string;
  conversation_id: string;
  expires_at: number;
  created_at: number;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
  token_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  created_by: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface HostAccountsTable {
  external_id: string;
  name: string | null;
  created_at: number;
  updated_at: number;
}

export interface AccountContactsTable {
  id: string;
  external_id: string;
  channel: 'email' | 'phone';
  value: string;
  set_at: number;
  /** Null while current. */
  replaced_at: number | null;
}

export interface WebhooksTable {
  id: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  secret: string;
  created_by: string;
  created_at: number;
  disabled_at: number | null;
  disabled_reason: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_type: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  done_at: number | null;
}

/** Migration 0021 (recovery-action-queries.ts): recovery actions, their settings, takeover signals raised. */
export interface RecoveryActionsTable {
  id: string;
  conversation_id: string;
  inbox_id: string;
  account_id: string;
  action: 'unlock' | 'reset_second_factor' | 'change_contact';
  status: 'awaiting_approval' | 'cooling_off' | 'approved' | 'refused' | 'stopped_by_old_contact';
  reason: string | null;
  verification: 'code_current' | 'code_recently_replaced' | 'none';
  requested_by: string;
  approved_by: string | null;
  approved_at: number | null;
  decided_by: string | null;
  new_contact_channel: 'email' | 'phone' | null;
  new_contact_value: string | null;
  cooling_off_until: number | null;
  stop_token_hash: string | null;
  created_at: number;
  decided_at: number | null;
  version: number;
}

export interface RecoverySettingsTable {
  id: string;
  settings: string;
  updated_by: string;
  updated_at: number;
}

export interface RecoverySignalsTable {
  conversation_id: string;
  kind: string;
  at: number;
}

/** Migration 0016 (bot-queries.ts): an inbox's bot switch; absent = off. */
export interface InboxBotsTable {
  inbox_id: string;
  enabled: number;
  updated_at: number;
}

/** A conversation's bot turn: BotState as JSON, versioned for conditional updates. */
export interface BotStatesTable {
  conversation_id: string;
  inbox_id: string;
  version: number;
  /** 1 while the bot holds the conversation (kept out of the routing queue). */
  active: number;
  state: string;
  offered_message_id: string | null;
  updated_at: number;
}

/** What a bot message offered. */
export interface BotMessagesTable {
  message_id: string;
  conversation_id: string;
  articles: string;
  confidence_milli: number;
  active: number;
}

/** Migration 0020 (recovery-queries.ts): a recovery conversation's case. */
export interface RecoveryCasesTable {
  conversation_id: string;
  inbox_id: string;
  visitor_id: string;
  claimed_account: string;
  situation: 'locked_out' | 'hacked' | 'lost_second_factor' | 'other';
  account_id: string | null;
  identity_sub: string | null;
  created_at: number;
}

/** A code sent: its keyed hash only, never the code; `version` for conditional updates. */
export interface RecoveryCodesTable {
  id: string;
  conversation_id: string;
  account_id: string;
  purpose: 'unlock' | 'reset_second_factor' | 'change_contact';
  contact_id: string;
  channel: 'email' | 'phone';
  standing: 'current' | 'recently_replaced';
  masked: string;
  code_hash: string;
  issued_at: number;
  expires_at: number;
  tries: number;
  used_at: number | null;
  version: number;
}

export interface RecoveryVerificationsTable {
  id: string;
  conversation_id: string;
  account_id: string;
  purpose: 'unlock' | 'reset_second_factor' | 'change_contact';
  contact_id: string;
  channel: 'email' | 'phone';
  standing: 'current' | 'recently_replaced';
  masked: string;
  at: number;
}

export interface AuditEntriesTable {
  id: string;
  at: number;
  actor_type: 'agent' | 'visitor' | 'host' | 'system' | 'contact';
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  conversation_id: string | null;
  account_external_id: string | null;
  /** JSON object of strings, numbers, booleans and nulls. */
  detail: string;
}

export interface Database {
  agents: AgentsTable;
  inboxes: InboxesTable;
  agent_inboxes: AgentInboxesTable;
  sessions: SessionsTable;
  visitors: VisitorsTable;
  visitor_tokens: VisitorTokensTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  agent_reads: AgentReadsTable;
  preview_consents: PreviewConsentsTable;
  redaction_rules: RedactionRulesTable;
  redaction_events: RedactionEventsTable;
  secrets: SecretsTable;
  rate_limits: RateLimitsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  inbox_teams: InboxTeamsTable;
  inbox_routing: InboxRoutingTable;
  agent_routing: AgentRoutingTable;
  agent_presence: AgentPresenceTable;
  routing_waits: RoutingWaitsTable;
  conversation_notes: ConversationNotesTable;
  conversation_activity: ConversationActivityTable;
  conversation_tags: ConversationTagsTable;
  canned_responses: CannedResponsesTable;
  agent_preferences: AgentPreferencesTable;
  visitor_pages: VisitorPagesTable;
  identity_token_uses: IdentityTokenUsesTable;
  conversation_ratings: ConversationRatingsTable;
  inbox_hours: InboxHoursTable;
  articles: ArticlesTable;
  mail_outbox: MailOutboxTable;
  mail_queue: MailQueueTable;
  reopen_tokens: ReopenTokensTable;
  api_tokens: ApiTokensTable;
  host_accounts: HostAccountsTable;
  account_contacts: AccountContactsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  recovery_cases: RecoveryCasesTable;
  recovery_codes: RecoveryCodesTable;
  recovery_verifications: RecoveryVerificationsTable;
  audit_entries: AuditEntriesTable;
  recovery_actions: RecoveryActionsTable;
  recovery_settings: RecoverySettingsTable;
  recovery_signals: RecoverySignalsTable;
  inbox_bots: InboxBotsTable;
  bot_states: BotStatesTable;
  bot_messages: BotMessagesTable;
  support_references: SupportReferencesTable;
}

export function toAgent(row: Selectable<AgentsTable>): AgentRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    active: Number(row.active) === 1,
    createdAt: row.created_at,
  };
}

export function toSession(
  row: Pick<SessionsTable, 'agent_id' | 'created_at' | 'expires_at' | 'user_agent' | 'ip'> & { id: string },
): SessionRecord {
  return {
    id: row.id,
    agentId: row.agent_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    userAgent: row.user_agent,
    ip: row.ip,
  };
}

export function toVisitor(
  row: Pick<VisitorsTable, 'id' | 'name' | 'locale' | 'created_at'> & { verification?: Verification },
): VisitorRecord {
  const visitor: VisitorRecord = {
    id: row.id,
    name: row.name,
    locale: row.locale,
    createdAt: row.created_at,
  };
  if (row.verification !== undefined) visitor.verification = row.verification;
  return visitor;
}

export function toConversation(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    inboxId: row.inbox_id,
    visitorId: row.visitor_id,
    status: row.status,
    assigneeId: row.assignee_id,
    lastSeq: row.last_seq,
    previewEnabled: Number(row.preview_enabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    priority: row.priority,
    teamId: row.team_id,
  };
}

export function toMessage(row: Selectable<MessagesTable>): MessageRecord {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    authorType: row.author_type,
    authorId: row.author_id,
    body: row.body,
    clientKey: row.client_key,
    createdAt: row.created_at,
  };
}
