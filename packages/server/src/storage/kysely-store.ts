/**
 * The one Store implementation, over any Kysely instance. SQLite and PostgreSQL differ only in how the
 * Kysely instance is opened and in their StoreDialect (error classification, migration schema, whether
 * writes run inside WITH).
 */
import { sql, type Kysely } from 'kysely';
import type { PreviewPolicy, RedactionRule } from '@candor/protocol';
import type {
  AgentRecord,
  AuthorType,
  ConsentRecord,
  RedactionEventRecord,
  ConversationRecord,
  MessageRecord,
  VisitorRecord,
} from '../domain/types';
import type { LimitState } from '../domain/rate-limits';
import type { LimitChange } from './rate-store';
import * as agents from './agent-queries';
import * as tools from './agent-tools-queries';
import type { CannedResponsePatch } from './agent-tools-store';
import type { ActivityRecord, CannedResponseRecord, NoteRecord } from '../domain/agent-tools-types';
import * as contacts from './contact-queries';
import * as articles from './article-queries';
import * as bots from './bot-queries';
import type { BotMessageMeta, BotStateRecord } from './bot-store';
import type { ArticleFilter, ArticlePatch } from './article-store';
import type { ArticleLocale, ArticleRecord } from '../domain/articles/article';
import * as identity from './identity-queries';
import type { InboxContactPatch, SignIn } from './contact-store';
import type { PageRecord } from '../domain/types';
import { AppendBatcher } from './append-batcher';
import { writeAppends } from './append-write';
import * as conversations from './conversation-queries';
import type { Database } from './database';
import { hotStatements, prepareHotQueries, readConversation, type HotQueries } from './hot-queries';
import type { AppendRequest } from './message-append';
import * as messages from './message-queries';
import { migrateToLatest } from './migrations/migrate';
import { StoreNotFoundError } from './not-found-error';
import * as reads from './read-queries';
import * as preferences from './preference-queries';
import * as preview from './preview-queries';
import * as rates from './rate-queries';
import * as satisfaction from './satisfaction-queries';
import * as mail from './mail-queries';
import type { OutboxMail, ReopenGrant } from './mail-store';
import * as hostAccounts from './host-account-queries';
import * as webhooks from './webhook-queries';
import * as mailQueue from './mail-queue-queries';
import type { NewQueuedMail } from './mail-queue-store';
import * as recovery from './recovery-queries';
import type { CodeTryWrite, RecoveryCaseRecord, RecoveryCodeRecord } from './recovery-store';
import type { AuditRecord } from './audit-store';
import type { ContactChannel } from '../domain/recovery/contact-on-file';
import * as supportReferences from './support-reference-queries';
import type { SupportReferenceRecord } from './support-reference-store';
import type { DeliveryResult, WebhookRecord } from './webhook-store';
import * as recoveryActions from './recovery-action-queries';
import type { RecoveryActionChange, RecoveryActionRecord } from './recovery-action-store';
import type { AccountChange, ApiTokenRecord } from './host-account-store';
import type { RatingFilter, RatingQuery, RatingRecord } from './satisfaction-store';
import * as redactions from './redaction-queries';
import * as routing from './routing-queries';
import * as teams from './team-queries';
import type {
  AgentRoutingPatch,
  RoutingAgentState,
  RoutingDecision,
  RoutingInput,
  TeamPatch,
  TeamRecord,
} from './routing-store';
import type { AssignmentStrategy } from '../domain/routing/routing-rule';
import { indexPendingMessages } from './search/search-indexing';
import { TermsThread } from './search/terms-thread';
import { searchConversations } from './search/search-queries';
import type { SearchRequest } from './search/search-store';
import {
  StoreConflictError,
  StoreInvalidInputError,
  StoreUnavailableError,
  type AgentPatch,
  type AppendResult,
  type ConversationFilter,
  type ConversationPatch,
  type ConversationQuery,
  type LastMessage,
  type NewMessage,
  type NewSession,
  type Store,
} from './store';
import type { StoreDialect } from './store-dialect';
import type { TokenWindow } from '../domain/visitor-tokens';
import * as visitors from './visitor-queries';

export interface KyselyStoreOptions {
  /** Most appends written in one transaction (group commit); 1 gives each its own. Default 256. */
  maxAppendBatch?: number;
}

/** Messages indexed per transaction. */
const SEARCH_INDEX_BATCH = 1_000;
const SEARCH_DRAIN_BEFORE_QUERY = 10_000;

export class KyselyStore implements Store {
  /** appendMessage and startConversation: what arrives during a commit shares the next one. */
  private readonly appends: AppendBatcher<AppendRequest, AppendResult>;
  /** Search terms of batches, computed on a worker thread (search/terms-thread.ts). */
  private readonly terms = new TermsThread();
  /** What every chat message runs, compiled once for this dialect. */
  private readonly queries: HotQueries;
  /** Their SQL, for a driver that can prepare them once per connection. */
  readonly hotStatements: readonly string[];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
    options: KyselyStoreOptions = {},
  ) {
    const queries = prepareHotQueries(db, dialect);
    this.queries = queries;
    this.hotStatements = hotStatements(queries);
    const terms = this.terms;
    this.appends = new AppendBatcher(
      (batch) => writeAppends({ db, dialect, queries, terms }, batch),
      options.maxAppendBatch,
    );
  }

  /** Then indexes what migration 0010 queued (messages stored before search existed). */
  migrate = () =>
    this.guard(async () => {
      await migrateToLatest(this.db, this.dialect.migrationSchema);
      await this.drainSearchQueue(Infinity);
    });
  ping = () => this.guard(async () => void (await sql`select 1`.execute(this.db)));
  /** Appends already submitted are written (or fail) first. */
  close = async () => {
    await this.appends.idle();
    await this.terms.close();
    await this.db.destroy();
  };

  countAgents = () => this.guard(() => agents.countAgents(this.db));
  createAgent = (agent: AgentRecord) => this.guard(() => agents.createAgent(this.db, agent));
  findAgentById = (id: string) => this.guard(() => agents.findAgentById(this.db, id));
  findAgentByEmail = (email: string) => this.guard(() => agents.findAgentByEmail(this.db, email));
  listAgents = () => this.guard(() => agents.listAgents(this.db));
  listAgentInboxIds = (agentId: string) => this.guard(() => agents.listAgentInboxIds(this.db, agentId));

  updateAgent = (id: string, patch: AgentPatch) =>
    this.guard(() => agents.updateAgent(this.db, { id, patch, lockAdmins: this.dialect.concurrentWriters }));
  countActiveAdmins = () => this.guard(() => agents.countActiveAdmins(this.db));

  createSession = (session: NewSession) => this.guard(() => agents.createSession(this.db, session));
  findSession = (tokenHash: string, now: number) =>
    this.guard(() => agents.findSession(this.db, tokenHash, now));
  listSessions = (agentId: string, now: number) =>
    this.guard(() => agents.listSessions(this.db, agentId, now));
  liveSessionIds = (ids: readonly string[], now: number) =>
    this.guard(() => agents.liveSessionIds(this.db, ids, now));
  deleteSession = (tokenHash: string) => this.guard(() => agents.deleteSession(this.db, tokenHash));
  deleteSessionById = (agentId: string, id: string) =>
    this.guard(() => agents.deleteSessionById(this.db, agentId, id));
  deleteAgentSessions = (agentId: string, keepId?: string) =>
    this.guard(() => agents.deleteAgentSessions(this.db, agentId, keepId));

  createVisitor = (visitor: VisitorRecord & { tokenHash: string }) =>
    this.guard(() => visitors.createVisitor(this.db, visitor));
  findVisitorByTokenHash = (tokenHash: string) =>
    this.guard(() => visitors.findVisitorByTokenHash(this.db, tokenHash));
  findVisitorById = (id: string) => this.guard(() => visitors.findVisitorById(this.db, id));
  markVisitorSeen = (id: string, now: number) => this.guard(() => visitors.markVisitorSeen(this.db, id, now));
  purgeIdleVisitors = (seenBefore: number) =>
    this.guard(() => visitors.purgeIdleVisitors(this.db, seenBefore));

  decideLimit = <T>(key: string, decide: (stored: LimitState | undefined) => LimitChange<T>) =>
    this.guard(() => rates.decideLimit(this.db, key, { lock: this.dialect.concurrentWriters, decide }));
  readLimit = (key: string) => this.guard(() => rates.readLimit(this.db, key));
  swapLimit = (key: string, version: number, next: LimitState) =>
    this.guard(() => rates.swapLimit(this.db, key, { version, next }));
  deleteLimit = (key: string) => this.guard(() => rates.deleteLimit(this.db, key));
  pruneLimits = (now: number) => this.guard(() => rates.pruneLimits(this.db, now));
  rotateVisitorToken = (hashes: { tokenHash: string; newTokenHash: string }, window: TokenWindow) =>
    this.guard(() => visitors.rotateVisitorToken(this.db, hashes, window));

  getConversation = (id: string) => this.guard(() => readConversation(this.db, this.queries, id));
  listVisitorConversations = (visitorId: string, limit: number): Promise<ConversationRecord[]> =>
    this.guard(() => conversations.listVisitorConversations(this.db, visitorId, limit));
  listConversations = (query: ConversationQuery) =>
    this.guard(() => conversations.listConversations(this.db, query));
  countConversations = (filter: ConversationFilter) =>
    this.guard(() => conversations.countConversations(this.db, filter));
  updateConversation = (id: string, patch: ConversationPatch) =>
    this.guard(() => conversations.updateConversation(this.db, id, patch));

  appendMessage = (conversationId: string, message: NewMessage): Promise<AppendResult> =>
    this.guard(() =>
      this.appends.submit({
        conversationId,
        message,
        // PostgreSQL stores the terms in the row: they are computed while earlier batches commit.
        ...(this.queries.searchTermsInRow && { termsReady: this.terms.termsSoon(message.body) }),
      }),
    );
  startConversation = (
    { id, inboxId, visitorId }: { id: string; inboxId: string; visitorId: string },
    message: NewMessage,
  ) => this.guard(() => this.appends.submit({ conversationId: id, message, start: { inboxId, visitorId } }));
  findMessageByClientKey = (
    authorType: AuthorType,
    authorId: string | null,
    clientKey: string,
  ): Promise<MessageRecord | undefined> =>
    this.guard(() => messages.findMessageByClientKey(this.db, { type: authorType, id: authorId }, clientKey));
  listMessages = (conversationId: string, afterSeq: number, limit: number) =>
    this.guard(() => messages.listMessages(this.db, conversationId, { afterSeq, limit }));
  lastMessages = (conversationIds: readonly string[]): Promise<LastMessage[]> =>
    this.guard(() => messages.lastMessages(this.db, conversationIds));

  markRead = (agentId: string, conversationId: string, seq: number) =>
    this.guard(() => reads.markRead(this.db, { agentId, conversationId, seq }));
  readStates = (agentId: string, conversationIds: readonly string[]) =>
    this.guard(() => reads.readStates(this.db, agentId, conversationIds));
  agentPreferences = (agentId: string) => this.guard(() => preferences.agentPreferences(this.db, agentId));
  setAgentPreferences = (agentId: string, json: string, now: number) =>
    this.guard(() => preferences.setAgentPreferences(this.db, agentId, json, now));
  seenSeqs = (conversationIds: readonly string[]) =>
    this.guard(() => reads.seenSeqs(this.db, conversationIds));

  sharedSecret = (name: string, fresh: string, now: number) =>
    this.guard(() => redactions.sharedSecret(this.db, name, fresh, now));
  listInboxes = () => this.guard(() => preview.listInboxes(this.db));
  updateInboxPolicy = (id: string, policy: PreviewPolicy) =>
    this.guard(() => preview.updateInboxPolicy(this.db, id, policy));
  setPreview = (conversationId: string, consent: Omit<ConsentRecord, 'conversationId'>) =>
    this.guard(() => preview.setPreview(this.db, conversationId, consent));
  resetPreviews = (inboxId: string, at: { policy: PreviewPolicy; createdAt: number }) =>
    this.guard(() => preview.resetPreviews(this.db, inboxId, at));
  listConsents = (conversationId: string) => this.guard(() => preview.listConsents(this.db, conversationId));

  listRedactionRules = () => this.guard(() => redactions.listRedactionRules(this.db));
  createRedactionRule = (rule: RedactionRule & { createdBy: string; now: number }) =>
    this.guard(() => redactions.createRedactionRule(this.db, rule));
  deleteRedactionRule = (id: string) => this.guard(() => redactions.deleteRedactionRule(this.db, id));
  recordRedactions = (events: readonly RedactionEventRecord[]) =>
    this.guard(() => redactions.recordRedactions(this.db, events));
  listRedactionEvents = (conversationId: string) =>
    this.guard(() => redactions.listRedactionEvents(this.db, conversationId));

  listTeams = () => this.guard(() => teams.listTeams(this.db));
  createTeam = (team: Omit<TeamRecord, 'memberIds'> & { memberIds: readonly string[] }) =>
    this.guard(() => teams.createTeam(this.db, team));
  updateTeam = (id: string, patch: TeamPatch) => this.guard(() => teams.updateTeam(this.db, id, patch));
  deleteTeam = (id: string) => this.guard(() => teams.deleteTeam(this.db, id));
  getInboxRouting = (inboxId: string) => this.guard(() => teams.getInboxRouting(this.db, inboxId));
  setInboxRouting = (
    inboxId: string,
    patch: { strategy?: AssignmentStrategy; teamIds?: readonly string[] },
  ) => this.guard(() => teams.setInboxRouting(this.db, inboxId, patch));
  listAgentRouting = (agentIds: readonly string[]) =>
    this.guard(() => teams.listAgentRouting(this.db, agentIds));
  updateAgentRouting = (agentId: string, patch: AgentRoutingPatch) =>
    this.guard(() => teams.updateAgentRouting(this.db, agentId, patch));
  setPresence = (agentId: string, nodeId: string, sockets: number, now: number) =>
    this.guard(() => routing.setPresence(this.db, { agentId, nodeId, sockets, now }));
  beatPresence = (nodeId: string, agentIds: readonly string[], now: number) =>
    this.guard(() => routing.beatPresence(this.db, nodeId, agentIds, now));
  listPresence = (agentIds: readonly string[]) => this.guard(() => routing.listPresence(this.db, agentIds));
  routeInbox = (inboxId: string, now: number, decide: (input: RoutingInput) => RoutingDecision) =>
    this.guard(() =>
      routing.routeInbox(this.db, { inboxId, now, decide }, { lock: this.dialect.concurrentWriters }),
    );
  takeConversation = (
    conversationId: string,
    agentId: string,
    now: number,
    check: (agent: RoutingAgentState, conversation: ConversationRecord) => void,
  ) =>
    this.guard(() =>
      routing.takeConversation(
        this.db,
        { conversationId, agentId, now, check },
        { lock: this.dialect.concurrentWriters },
      ),
    );
  listQueue = (inboxId: string, limit: number) =>
    this.guard(() => routing.listQueue(this.db, inboxId, limit));
  requiredSkillsOf = (conversationIds: readonly string[]) =>
    this.guard(() => routing.requiredSkillsOf(this.db, conversationIds));
  listWaitSamples = (inboxId: string, since: number, limit: number) =>
    this.guard(() => routing.listWaitSamples(this.db, inboxId, since, limit));
  addNote = (note: NoteRecord) => this.guard(() => tools.addNote(this.db, note));
  listNotes = (conversationId: string, limit: number) =>
    this.guard(() => tools.listNotes(this.db, conversationId, limit));
  recordActivity = (entry: ActivityRecord) => this.guard(() => tools.recordActivity(this.db, entry));
  listActivity = (conversationId: string, limit: number) =>
    this.guard(() => tools.listActivity(this.db, conversationId, limit));
  setTags = (conversationId: string, tags: readonly string[], now: number) =>
    this.guard(() =>
      tools.setTags(this.db, { conversationId, tags, now, lock: this.dialect.concurrentWriters }),
    );
  tagsOf = (conversationIds: readonly string[]) => this.guard(() => tools.tagsOf(this.db, conversationIds));
  listCannedResponses = (ownerId: string) => this.guard(() => tools.listCannedResponses(this.db, ownerId));
  getCannedResponse = (id: string) => this.guard(() => tools.getCannedResponse(this.db, id));
  countCannedResponses = (ownerId: string | null) =>
    this.guard(() => tools.countCannedResponses(this.db, ownerId));
  createCannedResponse = (canned: CannedResponseRecord) =>
    this.guard(() => tools.createCannedResponse(this.db, canned));
  updateCannedResponse = (id: string, patch: CannedResponsePatch) =>
    this.guard(() => tools.updateCannedResponse(this.db, id, patch));
  deleteCannedResponse = (id: string) => this.guard(() => tools.deleteCannedResponse(this.db, id));
  searchConversations = (request: SearchRequest) =>
    this.guard(async () => {
      // Every message stored before the search is found: what the indexer has not reached yet is indexed
      // now (bounded, so a search never waits on a huge backlog; the indexer takes the rest).
      await this.drainSearchQueue(SEARCH_DRAIN_BEFORE_QUERY);
      return searchConversations(this.db, request);
    });
  indexPendingMessages = (limit: number) =>
    this.guard(() => indexPendingMessages(this.db, limit, this.terms));

  private async drainSearchQueue(most: number): Promise<void> {
    for (let done = 0; done < most;) {
      const n = await indexPendingMessages(this.db, SEARCH_INDEX_BATCH, this.terms);
      if (n < SEARCH_INDEX_BATCH) return;
      done += n;
    }
  }
  findContact = (visitorId: string) => this.guard(() => contacts.findContact(this.db, visitorId));
  declareContact = (visitorId: string, given: { name?: string; email?: string }) =>
    this.guard(() => contacts.declareContact(this.db, visitorId, given));
  noteBrowser = (visitorId: string, facts: { language: string | null; timeZone: string | null }) =>
    this.guard(() => contacts.noteBrowser(this.db, visitorId, facts));
  recordPage = (visitorId: string, page: PageRecord, keep: number) =>
    this.guard(() => contacts.recordPage(this.db, visitorId, page, keep));
  listPages = (visitorId: string, limit: number) =>
    this.guard(() => contacts.listPages(this.db, visitorId, limit));
  signInVisitor = (signIn: SignIn) => this.guard(() => identity.signInVisitor(this.db, signIn));
  claimIdentityToken = (use: { tokenHash: string; expiresAt: number; now: number }) =>
    this.guard(() => identity.claimIdentityToken(this.db, use));
  listInboxContactSettings = () => this.guard(() => identity.listInboxContactSettings(this.db));
  updateInboxContactSettings = (id: string, patch: InboxContactPatch) =>
    this.guard(() => identity.updateInboxContactSettings(this.db, id, patch));

  createWebhook = (webhook: WebhookRecord) => this.guard(() => webhooks.createWebhook(this.db, webhook));
  listWebhooks = () => this.guard(() => webhooks.listWebhooks(this.db));
  findWebhook = (id: string) => this.guard(() => webhooks.findWebhook(this.db, id));
  deleteWebhook = (id: string) => this.guard(() => webhooks.deleteWebhook(this.db, id));
  disableWebhook = (id: string, reason: string, now: number) =>
    this.guard(() => webhooks.disableWebhook(this.db, id, reason, now));
  enqueueWebhookEvent = (
    event: { type: string; payload: (deliveryId: string) => string; webhookId?: string },
    now: number,
  ) => this.guard(() => webhooks.enqueueWebhookEvent(this.db, event, now));
  claimDueDeliveries = (now: number, limit: number, leaseMs: number) =>
    this.guard(() => webhooks.claimDueDeliveries(this.db, this.dialect, { now, limit, leaseMs }));
  recordDelivery = (id: string, result: DeliveryResult) =>
    this.guard(() => webhooks.recordDelivery(this.db, id, result));
  listDeliveries = (webhookId: string, limit: number) =>
    this.guard(() => webhooks.listDeliveries(this.db, webhookId, limit));

  queueMail = (m: NewQueuedMail) => this.guard(() => mailQueue.queueMail(this.db, m));
  claimDueMail = (claim: { now: number; limit: number; leaseMs: number }) =>
    this.guard(() => mailQueue.claimDueMail(this.db, this.dialect, claim));
  deleteQueuedMail = (id: string) => this.guard(() => mailQueue.deleteQueuedMail(this.db, id));
  retryQueuedMail = (id: string, retry: { nextAttemptAt: number; error: string | null }) =>
    this.guard(() => mailQueue.retryQueuedMail(this.db, id, retry));
  createRecoveryAction = (action: RecoveryActionRecord) =>
    this.guard(() => recoveryActions.createRecoveryAction(this.db, action));
  findRecoveryAction = (id: string) => this.guard(() => recoveryActions.findRecoveryAction(this.db, id));
  findRecoveryActionByStopToken = (tokenHash: string) =>
    this.guard(() => recoveryActions.findRecoveryActionByStopToken(this.db, tokenHash));
  listRecoveryActions = (conversationId: string) =>
    this.guard(() => recoveryActions.listRecoveryActions(this.db, conversationId));
  listAwaitingApproval = (inboxIds: readonly string[], limit: number) =>
    this.guard(() => recoveryActions.listAwaitingApproval(this.db, inboxIds, limit));
  updateRecoveryAction = (id: string, expectedVersion: number, change: RecoveryActionChange) =>
    this.guard(() => recoveryActions.updateRecoveryAction(this.db, id, expectedVersion, change));
  dueCoolingOff = (now: number, limit: number) =>
    this.guard(() => recoveryActions.dueCoolingOff(this.db, now, limit));
  recoverySettings = () => this.guard(() => recoveryActions.recoverySettings(this.db));
  setRecoverySettings = (settings: string, by: string, now: number) =>
    this.guard(() => recoveryActions.setRecoverySettings(this.db, settings, by, now));
  raiseRecoverySignals = (conversationId: string, kinds: readonly string[], now: number) =>
    this.guard(() => recoveryActions.raiseRecoverySignals(this.db, conversationId, kinds, now));
  listRecoverySignals = (conversationId: string) =>
    this.guard(() => recoveryActions.listRecoverySignals(this.db, conversationId));
  createApiToken = (token: ApiTokenRecord) => this.guard(() => hostAccounts.createApiToken(this.db, token));
  listApiTokens = () => this.guard(() => hostAccounts.listApiTokens(this.db));
  findApiToken = (tokenHash: string) => this.guard(() => hostAccounts.findApiToken(this.db, tokenHash));
  revokeApiToken = (id: string, now: number) =>
    this.guard(() => hostAccounts.revokeApiToken(this.db, id, now));
  touchApiToken = (id: string, now: number) => this.guard(() => hostAccounts.touchApiToken(this.db, id, now));
  putHostAccount = (externalId: string, change: AccountChange, now: number) =>
    this.guard(() => hostAccounts.putHostAccount(this.db, externalId, change, now));
  findHostAccount = (externalId: string) =>
    this.guard(() => hostAccounts.findHostAccount(this.db, externalId));
  accountContactHistory = (externalId: string) =>
    this.guard(() => hostAccounts.accountContactHistory(this.db, externalId));
  createRecoveryCase = (c: RecoveryCaseRecord) => this.guard(() => recovery.createRecoveryCase(this.db, c));
  recoveryCase = (conversationId: string) => this.guard(() => recovery.recoveryCase(this.db, conversationId));
  recoveryConversationIds = (ids: readonly string[]) =>
    this.guard(() => recovery.recoveryConversationIds(this.db, ids));
  countRecoveryCases = (accountId: string, since: number) =>
    this.guard(() => recovery.countRecoveryCases(this.db, accountId, since));
  visitorIdentitySub = (visitorId: string) =>
    this.guard(() => recovery.visitorIdentitySub(this.db, visitorId));
  findAccountsByContact = (channel: ContactChannel, value: string) =>
    this.guard(() => recovery.findAccountsByContact(this.db, channel, value));
  listAccountContacts = (externalId: string) =>
    this.guard(() => recovery.listAccountContacts(this.db, externalId));
  createRecoveryCode = (code: RecoveryCodeRecord) =>
    this.guard(() => recovery.createRecoveryCode(this.db, code));
  listRecoveryCodes = (conversationId: string) =>
    this.guard(() => recovery.listRecoveryCodes(this.db, conversationId));
  recordCodeTry = (write: CodeTryWrite) => this.guard(() => recovery.recordCodeTry(this.db, write));
  countCodeTries = (accountId: string) => this.guard(() => recovery.countCodeTries(this.db, accountId));
  listVerifications = (conversationId: string) =>
    this.guard(() => recovery.listVerifications(this.db, conversationId));
  appendAudit = (entry: AuditRecord) => this.guard(() => recovery.appendAudit(this.db, entry));
  listAudit = (q: { conversationId?: string; before?: { at: number; id: string }; limit: number }) =>
    this.guard(() => recovery.listAudit(this.db, q));
  hasHostAccounts = () => this.guard(() => hostAccounts.hasHostAccounts(this.db));
  createSupportReference = (reference: SupportReferenceRecord) =>
    this.guard(() => supportReferences.createSupportReference(this.db, reference));
  findSupportReference = (referenceHash: string) =>
    this.guard(() => supportReferences.findSupportReference(this.db, referenceHash));
  revokeSupportReference = (referenceHash: string, at: number) =>
    this.guard(() => supportReferences.revokeSupportReference(this.db, referenceHash, at));
  pruneSupportReferences = (now: number) =>
    this.guard(() => supportReferences.pruneSupportReferences(this.db, now));
  addRating = (rating: RatingRecord) => this.guard(() => satisfaction.addRating(this.db, rating));
  listRatings = (query: RatingQuery) => this.guard(() => satisfaction.listRatings(this.db, query));
  countRatings = (filter: RatingFilter) => this.guard(() => satisfaction.countRatings(this.db, filter));
  countResolutions = (conversationId: string) =>
    this.guard(() => satisfaction.countResolutions(this.db, conversationId));
  inboxHours = (inboxId: string) => this.guard(() => satisfaction.inboxHours(this.db, inboxId));
  allInboxHours = () => this.guard(() => satisfaction.allInboxHours(this.db));
  setInboxHours = (inboxId: string, schedule: string, now: number) =>
    this.guard(() => satisfaction.setInboxHours(this.db, inboxId, schedule, now));

  addOutboxMail = (m: OutboxMail) => this.guard(() => mail.addOutboxMail(this.db, m));
  listOutbox = (limit: number) => this.guard(() => mail.listOutbox(this.db, limit));
  createReopenToken = (t: ReopenGrant & { tokenHash: string; expiresAt: number; now: number }) =>
    this.guard(() => mail.createReopenToken(this.db, t));
  claimReopenToken = (c: { tokenHash: string; visitorTokenHash: string; now: number }) =>
    this.guard(() => mail.claimReopenToken(this.db, c));

  /** Turns driver errors into the Store's own: callers never see a dialect's error codes. */
  listArticles = (filter: ArticleFilter) => this.guard(() => articles.listArticles(this.db, filter));
  getArticle = (id: string) => this.guard(() => articles.getArticle(this.db, id));
  findArticleBySlug = (locale: ArticleLocale, slug: string) =>
    this.guard(() => articles.findArticleBySlug(this.db, locale, slug));
  articleSlugsLike = (locale: ArticleLocale, prefix: string) =>
    this.guard(() => articles.articleSlugsLike(this.db, locale, prefix));
  countArticles = () => this.guard(() => articles.countArticles(this.db));
  createArticle = (article: ArticleRecord) => this.guard(() => articles.createArticle(this.db, article));
  updateArticle = (id: string, patch: ArticlePatch) =>
    this.guard(() => articles.updateArticle(this.db, id, patch));
  deleteArticle = (id: string) => this.guard(() => articles.deleteArticle(this.db, id));

  listBotInboxes = () => this.guard(() => bots.listBotInboxes(this.db));
  setInboxBot = (inboxId: string, enabled: boolean, now: number) =>
    this.guard(() => bots.setInboxBot(this.db, inboxId, enabled, now));
  loadBotState = (conversationId: string) => this.guard(() => bots.loadBotState(this.db, conversationId));
  saveBotState = (expectedVersion: number, next: BotStateRecord) =>
    this.guard(() => bots.saveBotState(this.db, expectedVersion, next));
  recordBotMessage = (meta: BotMessageMeta) => this.guard(() => bots.recordBotMessage(this.db, meta));
  botMessages = (messageIds: readonly string[]) => this.guard(() => bots.botMessages(this.db, messageIds));

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (
        error instanceof StoreNotFoundError ||
        error instanceof StoreConflictError ||
        error instanceof StoreInvalidInputError ||
        error instanceof StoreUnavailableError
      ) {
        throw error;
      }
      const kind = this.dialect.classify(error);
      const reason = error instanceof Error ? error.message : String(error);
      if (kind === 'unavailable' || kind === 'retry')
        throw new StoreUnavailableError(`store unavailable: ${reason}`, { cause: error });
      if (kind === 'unique') throw new StoreConflictError(`already exists: ${reason}`, { cause: error });
      if (kind === 'invalid') throw new StoreInvalidInputError(`value refused: ${reason}`, { cause: error });
      throw error;
    }
  }
}
