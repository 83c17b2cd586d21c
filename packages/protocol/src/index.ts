/**
 * The browser-safe entry: constants and types only. Schemas (zod) live in `@candor/protocol/schemas`
 * and are imported by the server alone, which keeps the widget small.
 */
import type { z } from 'zod';
import type * as s from './schemas';

export { PROTOCOL_VERSION, LIMITS, WS_PATHS } from './version';
export { ERROR_CODES, RETRYABLE_ERRORS, CLOSE_CODES, type ErrorCode } from './errors';
export { visibleControls } from './display-text';
export { TOOL_LIMITS, SHORTCUT_PATTERN, CANNED_LOCALES } from './agent-tools';
export { fillCannedResponse, type CannedVariables } from './canned-template';
export { SATISFACTION_LIMITS } from './satisfaction';
export { ARTICLE_LIMITS, ARTICLE_LOCALES, HELP_LIMITS } from './articles';
export { RECOVERY_ACTIONS, RECOVERY_SITUATIONS, TAKEOVER_SIGNALS, AGENT_ROLES } from './recovery';
export { API_TOKEN_SCOPES, WEBHOOK_EVENTS } from './host-api';
export { splitLinks, linkTarget, MAX_LINK_LENGTH, type TextPart } from './links';

export type Author = z.infer<typeof s.authorSchema>;
export type Message = z.infer<typeof s.messageSchema>;
export type Conversation = z.infer<typeof s.conversationSchema>;
export type ConversationStatus = z.infer<typeof s.conversationStatusSchema>;
export type Agent = z.infer<typeof s.agentSchema>;
export type PreviewPolicy = z.infer<typeof s.previewPolicySchema>;
export type PreviewState = z.infer<typeof s.previewStateSchema>;
export type RedactionRule = z.infer<typeof s.redactionRuleSchema>;
export type Inbox = z.infer<typeof s.inboxSchema>;
export type SearchHighlight = z.infer<typeof s.searchHighlightSchema>;
export type SearchMatch = z.infer<typeof s.searchMatchSchema>;
export type SearchResult = z.infer<typeof s.searchResultSchema>;
export type SearchResponse = z.infer<typeof s.searchResponse>;
export type Verification = z.infer<typeof s.verificationSchema>;
export type Page = z.infer<typeof s.pageSchema>;
export type PreChatForm = z.infer<typeof s.preChatFormSchema>;
export type Contact = z.infer<typeof s.contactSchema>;
export type UpdateInboxBody = z.infer<typeof s.updateInboxBody>;

export type HelloFrame = z.infer<typeof s.helloFrame>;
export type CommandFrame = z.infer<typeof s.commandFrame>;
export type ClientFrame = z.infer<typeof s.clientFrame>;
export type SendMessageFrame = z.infer<typeof s.sendMessageFrame>;

export type ServerFrame = z.infer<typeof s.serverFrame>;
export type WelcomeFrame = z.infer<typeof s.welcomeFrame>;
export type AckFrame = z.infer<typeof s.ackFrame>;
export type HistoryFrame = z.infer<typeof s.historyFrame>;
export type MessageCreatedFrame = z.infer<typeof s.messageCreatedFrame>;
export type ConversationUpdatedFrame = z.infer<typeof s.conversationUpdatedFrame>;
export type PreviewUpdatedFrame = z.infer<typeof s.previewUpdatedFrame>;
export type InboxSnapshotFrame = z.infer<typeof s.inboxSnapshotFrame>;
export type TypingUpdatedFrame = z.infer<typeof s.typingUpdatedFrame>;
export type DraftUpdatedFrame = z.infer<typeof s.draftUpdatedFrame>;
export type ErrorFrame = z.infer<typeof s.errorFrame>;
export type Note = z.infer<typeof s.noteSchema>;
export type Activity = z.infer<typeof s.activitySchema>;
export type ActivityKind = z.infer<typeof s.activityKindSchema>;
export type CannedResponse = z.infer<typeof s.cannedResponseSchema>;
export type CreateCannedResponseBody = z.input<typeof s.createCannedResponseBody>;
export type UpdateCannedResponseBody = z.infer<typeof s.updateCannedResponseBody>;
export type NoteCreatedFrame = z.infer<typeof s.noteCreatedFrame>;
export type ActivityRecordedFrame = z.infer<typeof s.activityRecordedFrame>;
export type TagsUpdatedFrame = z.infer<typeof s.tagsUpdatedFrame>;
export type ViewingUpdatedFrame = z.infer<typeof s.viewingUpdatedFrame>;
export type ConversationSeenFrame = z.infer<typeof s.conversationSeenFrame>;
export type AgentPreferences = z.infer<typeof s.agentPreferencesSchema>;

export type LoginBody = z.infer<typeof s.loginBody>;
export type CreateAgentBody = z.input<typeof s.createAgentBody>;
export type UpdateAgentBody = z.infer<typeof s.updateAgentBody>;
export type AgentSessionInfo = z.infer<typeof s.sessionSchema>;
export type SendMessageBody = z.infer<typeof s.sendMessageBody>;
export type ErrorBody = z.infer<typeof s.errorBody>;

export { redactDraft } from './redaction/draft';
export {
  redact,
  compileRules,
  validateRule,
  type Redacted,
  type SecretKind,
  type CompiledRules,
} from './redaction';

// Satisfaction and hours (satisfaction-schemas.ts)
export type RateFrame = z.infer<typeof s.rateFrame>;
export type Rating = z.infer<typeof s.ratingSchema>;
export type RatingsResponse = z.infer<typeof s.ratingsResponse>;
export type RatingStats = z.infer<typeof s.ratingStatsSchema>;
export type RatingsSummaryResponse = z.infer<typeof s.ratingsSummaryResponse>;
export type RatingsSummary = RatingsSummaryResponse['summary'];
export type Schedule = z.infer<typeof s.scheduleSchema>;
export type InboxHoursResponse = z.infer<typeof s.inboxHoursResponse>;
export type HoursStatus = z.infer<typeof s.hoursStatusSchema>;
export type Weekday = Schedule['weekly'][number]['day'];

// Offline messages and email (mail-schemas.ts)
export type LeaveMessageFrame = z.infer<typeof s.leaveMessageFrame>;
export type TranscriptRequestFrame = z.infer<typeof s.transcriptRequestFrame>;
export type OutboxMail = z.infer<typeof s.outboxMailSchema>;
export type OutboxResponse = z.infer<typeof s.outboxResponse>;

// Routing (routing-schemas.ts)
export type Priority = z.infer<typeof s.prioritySchema>;
export type AgentStatus = z.infer<typeof s.agentStatusSchema>;
export type AssignmentStrategy = z.infer<typeof s.assignmentStrategySchema>;
export type WaitEstimate = z.infer<typeof s.waitEstimateSchema>;
export type QueuePositionFrame = z.infer<typeof s.queuePositionFrame>;
export type ConversationAssignedFrame = z.infer<typeof s.conversationAssignedFrame>;
export type ConversationTransferredFrame = z.infer<typeof s.conversationTransferredFrame>;
export type ConversationHandedOverFrame = z.infer<typeof s.conversationHandedOverFrame>;
export type RoutingUpdatedFrame = z.infer<typeof s.routingUpdatedFrame>;
export type AgentStatusFrame = z.infer<typeof s.agentStatusFrame>;
export type Team = z.infer<typeof s.teamSchema>;
export type InboxRouting = z.infer<typeof s.inboxRoutingSchema>;
export type AgentRoutingView = z.infer<typeof s.agentRoutingSchema>;
export type QueueView = z.infer<typeof s.queueSchema>;
export type InboxQueueView = z.infer<typeof s.inboxQueueSchema>;
export type TransferBody = z.infer<typeof s.transferBody>;
export type UpdateAgentRoutingBody = z.infer<typeof s.updateAgentRoutingBody>;

// Knowledge base (article-schemas.ts)
export type Article = z.infer<typeof s.articleSchema>;
export type CreateArticleBody = z.input<typeof s.createArticleBody>;
export type UpdateArticleBody = z.input<typeof s.updateArticleBody>;
export type BotArticleLink = z.infer<typeof s.botArticleLinkSchema>;
export type BotFeedbackFrame = z.infer<typeof s.botFeedbackFrame>;
export type BotHandoverFrame = z.infer<typeof s.botHandoverFrame>;
export type ArticlePreview = z.infer<typeof s.articlePreviewSchema>;

// The host site's back end (host-api-schemas.ts)
export type ApiTokenScope = z.infer<typeof s.apiTokenScope>;
export type ApiToken = z.infer<typeof s.apiTokenSchema>;
export type CreateApiTokenBody = z.infer<typeof s.createApiTokenBody>;
export type CreateApiTokenResponse = z.infer<typeof s.createApiTokenResponse>;
export type Account = z.infer<typeof s.accountSchema>;
export type PutAccountBody = z.infer<typeof s.putAccountBody>;
export type Webhook = z.infer<typeof s.webhookSchema>;
export type WebhookEvent = z.infer<typeof s.webhookEvent>;
export type CreateWebhookBody = z.infer<typeof s.createWebhookBody>;
export type CreateWebhookResponse = z.infer<typeof s.createWebhookResponse>;
export type WebhookDelivery = z.infer<typeof s.webhookDeliverySchema>;
// Public help API and help context (help-schemas.ts)
export type HelpSearchResult = z.infer<typeof s.helpSearchResultSchema>;
export type HelpSearchResponse = z.infer<typeof s.helpSearchResponseSchema>;
export type HelpBlock = z.infer<typeof s.helpBlockSchema>;
export type HelpArticle = z.infer<typeof s.helpArticleSchema>;
export type HelpContextFrame = z.infer<typeof s.helpContextFrame>;

// Account recovery (recovery-schemas.ts)
export type AgentRole = z.infer<typeof s.agentRoleSchema>;
export type RecoveryAction = z.infer<typeof s.recoveryActionSchema>;
export type RecoverySituation = z.infer<typeof s.recoverySituationSchema>;
export type RecoveryStartFrame = z.infer<typeof s.recoveryStartFrame>;
export type RecoveryCodeFrame = z.infer<typeof s.recoveryCodeFrame>;
export type CodeResult = z.infer<typeof s.codeResultSchema>;
export type RecoveryVisitorState = z.infer<typeof s.recoveryVisitorStateSchema>;
export type RecoveryStatusFrame = z.infer<typeof s.recoveryStatusFrame>;
export type RecoveryChangedFrame = z.infer<typeof s.recoveryChangedFrame>;
export type RecoveryContact = z.infer<typeof s.recoveryContactSchema>;
export type RecoveryCodeView = z.infer<typeof s.recoveryCodeViewSchema>;
export type RecoveryVerification = z.infer<typeof s.recoveryVerificationSchema>;
export type RecoveryActionView = z.infer<typeof s.recoveryActionViewSchema>;
export type TakeoverSignalView = z.infer<typeof s.takeoverSignalSchema>;
export type RecoveryCase = z.infer<typeof s.recoveryCaseSchema>;
export type SendRecoveryCodeBody = z.infer<typeof s.sendRecoveryCodeBody>;
export type RequestRecoveryActionBody = z.infer<typeof s.requestRecoveryActionBody>;
export type RecoveryApprovalsResponse = z.infer<typeof s.recoveryApprovalsResponse>;
export type RecoverySettings = z.infer<typeof s.recoverySettingsSchema>;
export type UpdateRecoverySettingsBody = z.infer<typeof s.updateRecoverySettingsBody>;
export type SupportReference = z.infer<typeof s.supportReferenceSchema>;
export type VerifyReferenceResponse = z.infer<typeof s.verifyReferenceResponse>;
export type AuditEntry = z.infer<typeof s.auditEntrySchema>;
export type RecoveryDecisionEventData = z.infer<typeof s.recoveryDecisionEventData>;
