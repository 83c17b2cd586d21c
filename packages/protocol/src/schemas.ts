/**
 * One schema per wire message. The server validates every inbound frame and REST body with these;
 * the widget and console import only the inferred types (from `./index`), so zod never reaches a browser.
 */
import { z } from 'zod';
import { LIMITS, PROTOCOL_VERSION } from './version';
import { ERROR_CODES } from './errors';
import {
  conversationAssignedFrame,
  conversationHandedOverFrame,
  conversationTransferredFrame,
  prioritySchema,
  queuePositionFrame,
  routingUpdatedFrame,
  agentStatusFrame,
} from './routing-schemas';

export * from './routing-schemas';
import { hoursStatusSchema, rateFrame, ratingSchema } from './satisfaction-schemas';
import { leaveMessageFrame, transcriptRequestFrame } from './mail-schemas';
export * from './satisfaction-schemas';
export * from './mail-schemas';
export * from './article-schemas';
export * from './host-api-schemas';
import { botArticleLinkSchema, botFeedbackFrame, botHandoverFrame, inboxBotSchema } from './bot-schemas';
export * from './bot-schemas';
import { helpContextFrame } from './help-schemas';
export * from './help-schemas';
import {
  codeResultSchema,
  recoveryChangedFrame,
  recoveryCodeFrame,
  recoveryStartFrame,
  recoveryStatusFrame,
} from './recovery-schemas';
export * from './recovery-schemas';
import { CANNED_LOCALES, SHORTCUT_PATTERN, TOOL_LIMITS } from './agent-tools';
import { AGENT_ROLES } from './recovery';

const id = z.string().min(1).max(64);
const ref = z.string().min(1).max(64).optional();
// Seqs are stored as 32-bit integers: a larger one is refused here, alike on every store.
const seq = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const body = z.string().max(LIMITS.messageBodyMax * 2); // trimmed length is checked by the domain
const clientKey = z.string().min(1).max(LIMITS.clientKeyMax);

// ---------- shared shapes ----------

export const authorSchema = z.object({
  /** `bot`: the automated assistant (issue 13); its messages always say so in the widget. */
  type: z.enum(['visitor', 'agent', 'system', 'bot']),
  id: z.string().nullable(),
  name: z.string(),
});

export const messageSchema = z.object({
  id,
  conversationId: id,
  seq: z.number().int().min(1),
  author: authorSchema,
  body: z.string(),
  /** The sender's idempotency key, so a client can match a stored message to its outbox entry. */
  clientKey: z.string().nullable(),
  createdAt: z.number().int(),
  /** Bot messages only: the help articles offered, best first (absent on its other lines). */
  articles: z.array(botArticleLinkSchema).optional(),
  /** Bot messages only: how sure the bot is of the article it offers, 0 to 1. */
  confidence: z.number().min(0).max(1).optional(),
  /**
   * Bot messages only: the bot still answers this conversation after this message (Yes/No on an answer,
   * "Talk to a person"); false once it handed over or was given to a person.
   */
  botActive: z.boolean().optional(),
});

export const conversationStatusSchema = z.enum(['open', 'resolved']);

/**
 * Typing preview ("sneak peek") policy of an inbox, set by an admin: `off`; `opt_in` (the visitor
 * switches it on); `on_with_notice` (default: on, with a visible notice and a switch to turn it off).
 */
export const previewPolicySchema = z.enum(['off', 'opt_in', 'on_with_notice']);

/** Whether drafts of this conversation reach its agents: the inbox policy and the visitor's choice. */
export const previewStateSchema = z.object({ policy: previewPolicySchema, enabled: z.boolean() });

/** An admin's own redaction rule: a pattern, an optional checksum, and the label shown instead. */
export const redactionRuleSchema = z.object({
  id,
  label: z.string().trim().min(1).max(40),
  /**
   * JavaScript regular expression source, without slashes; matched case-insensitively, leftmost and
   * longest, in linear time: no backreferences, lookarounds or lazy quantifiers (custom-rules.ts).
   */
  pattern: z.string().min(1).max(200),
  validator: z.enum(['none', 'luhn', 'iban']),
});

/** How sure Candor is of who a visitor is: nothing given, typed by the visitor, or vouched for by the host site. */
export const verificationSchema = z.enum(['anonymous', 'self_declared', 'signed']);

/** A page of the host site the visitor had open: address without query or fragment, and its title. */
export const pageSchema = z.object({ url: z.string(), title: z.string(), at: z.number().int() });

/** Per inbox: ask the visitor for a name and email before the first message. */
export const preChatFormSchema = z.object({ enabled: z.boolean(), requireEmail: z.boolean() });

/**
 * What agents see of a visitor (the contact panel). `conversations` are this contact's others, newest
 * first: the same visitor, never another one with the same email (a typed email proves nothing).
 */
export const contactSchema = z.object({
  visitorId: id,
  name: z.string(),
  email: z.string().nullable(),
  verification: verificationSchema,
  /** BCP 47 tag from the browser, e.g. fr-CA. */
  language: z.string().nullable(),
  /** IANA time zone from the browser, e.g. Europe/Paris: the console shows the visitor's local time. */
  timeZone: z.string().nullable(),
  currentPage: pageSchema.nullable(),
  /** Pages visited during this conversation, oldest first (capped). */
  pages: z.array(pageSchema),
  conversations: z.array(
    z.object({
      id,
      status: conversationStatusSchema,
      createdAt: z.number().int(),
      updatedAt: z.number().int(),
    }),
  ),
});

export const conversationSchema = z.object({
  id,
  inboxId: id,
  status: conversationStatusSchema,
  visitorId: id,
  visitorName: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  lastSeq: seq,
  lastMessage: z
    .object({
      seq: z.number().int().min(1),
      authorType: authorSchema.shape.type,
      preview: z.string(),
      createdAt: z.number().int(),
    })
    .nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  preview: previewStateSchema,
  /** Agent views only: the last seq this agent has read, and visitor messages after it. */
  lastReadSeq: seq.optional(),
  unread: z.number().int().min(0).optional(),
  /** Routing: the team it was transferred to, if any. */
  teamId: z.string().nullable().optional(),
  /** Routing: queue order and the console's control; normal unless changed. */
  priority: prioritySchema.optional(),
  /** Agent views only (never a visitor's): the conversation's tags, sorted; absent = not sent in this view. */
  tags: z.array(z.string()).optional(),
  /** Visitor views only: the highest seq an agent has read (read receipts: "Seen"). */
  seenSeq: seq.optional(),
  /** Agent views only: skills an agent needs to be routed it (skill match); absent = not sent in this view. */
  requiredSkills: z.array(z.string()).optional(),
  /** How the visitor is known: anonymous, self-declared (gave a name or email) or signed by the site. */
  verification: verificationSchema.optional(),
  /**
   * An account-recovery conversation (issue 14): the widget keeps its banner and secure code field, the
   * console its recovery panel. Absent: an ordinary conversation.
   */
  recovery: z.boolean().optional(),
});

export { AGENT_ROLES };
export const agentRoleSchema = z.enum(AGENT_ROLES);

export const agentSchema = z.object({
  id,
  /** Shown to admins and to the agent themselves only: other agents see names. */
  email: z.string().optional(),
  name: z.string(),
  /** supervisor: an agent who may also approve recovery actions and is told of takeover signals. */
  role: agentRoleSchema,
  /** A deactivated agent cannot sign in; their sessions ended when they were deactivated. */
  active: z.boolean(),
  createdAt: z.number().int(),
});

// ---------- client -> server frames ----------

export const helloFrame = z.object({
  type: z.literal('hello'),
  protocol: z.number().int(),
  /** Visitor endpoint only: the token from a previous `welcome`; omitted on a first visit. */
  visitorToken: z.string().min(1).max(128).optional(),
  locale: z.string().max(16).optional(),
  /**
   * Visitor endpoint only: a JWT (HS256) from the host site vouching for a signed-in user; each token is
   * used once (a reconnect resumes with `visitorToken`). Refused ones end the socket with 4005.
   */
  identityToken: z.string().min(1).max(4096).optional(),
  /**
   * Visitor endpoint only: the token of a reply email's link (the page's `#candor-reopen=` fragment).
   * Used once: it makes this browser the conversation's visitor. A refused one gets an error
   * `link_expired` (no ref) and the hello goes on as without it.
   */
  reopenToken: z.string().min(1).max(128).optional(),
  /** Visitor: the browser's language (BCP 47) and IANA time zone, shown to agents. */
  language: z.string().max(35).optional(),
  timeZone: z.string().max(64).optional(),
});

export const subscribeFrame = z.object({
  type: z.literal('conversation.subscribe'),
  ref,
  conversationId: id,
  /** The last seq this client has; the server replays everything after it, then streams live. */
  afterSeq: seq,
});

export const unsubscribeFrame = z.object({
  type: z.literal('conversation.unsubscribe'),
  ref,
  conversationId: id,
});

export const inboxSubscribeFrame = z.object({ type: z.literal('inbox.subscribe'), ref });

export const sendMessageFrame = z.object({
  type: z.literal('message.send'),
  ref,
  /** null (visitor only): the visitor's open conversation, or a new one. */
  conversationId: id.nullable(),
  clientKey,
  body,
  /**
   * Agent only: send a message the server held back (error `message_held`: it asks for or holds a
   * password or code) after reading the warning. Never honoured in a recovery conversation.
   */
  acknowledgeWarning: z.boolean().optional(),
});

export const typingFrame = z.object({
  type: z.literal('typing.update'),
  conversationId: id,
  typing: z.boolean(),
});

export const resolveFrame = z.object({ type: z.literal('conversation.resolve'), ref, conversationId: id });
export const reopenFrame = z.object({ type: z.literal('conversation.reopen'), ref, conversationId: id });
export const assignFrame = z.object({
  type: z.literal('conversation.assign'),
  ref,
  conversationId: id,
  /** null unassigns; agents may assign to themselves, admins to anyone. */
  agentId: id.nullable(),
});
export const readFrame = z.object({ type: z.literal('conversation.read'), conversationId: id, seq });

/**
 * Visitor only: the current unsent text of the message field ('' when emptied). Relayed, redacted,
 * to the assignee and watching admins only while the conversation's preview is enabled; never stored.
 */
export const draftUpdateFrame = z.object({ type: z.literal('draft.update'), conversationId: id, text: body });

/**
 * Visitor only: switch the typing preview of a conversation on or off. `noticeShown` says the widget
 * displayed the notice; the server enables the preview only with it.
 */
export const previewSetFrame = z.object({
  type: z.literal('preview.set'),
  ref,
  conversationId: id,
  enabled: z.boolean(),
  noticeShown: z.boolean(),
});

/**
 * Agents only: this agent has the conversation open (true) or left it (false). Relayed to the other
 * agents following it, never to visitors; the server says false for them when the socket goes. The
 * console repeats true while the conversation stays open, so a viewer on a node that died expires.
 */
export const viewFrame = z.object({
  type: z.literal('conversation.view'),
  conversationId: id,
  viewing: z.boolean(),
});

/** Visitor only: the name and/or email the visitor typed (pre-chat form, or when an agent asked). */
export const contactUpdateFrame = z.object({
  type: z.literal('contact.update'),
  ref,
  name: z.string().trim().min(1).max(100).optional(),
  email: z.email().max(254).optional(),
});

/**
 * Visitor only: the page of the host site now open. http(s) only; the server keeps it without query
 * or fragment (they may hold tokens), and the last pages of the visitor only (capped).
 */
export const pageViewFrame = z.object({
  type: z.literal('page.view'),
  /** Optional: with it, an ack once kept (the widget sends none). */
  ref,
  url: z.string().min(1).max(2048),
  title: z.string().max(300),
});

/** Agent only: show the visitor a small form to share their name and email. */
export const contactRequestFrame = z.object({ type: z.literal('contact.request'), ref, conversationId: id });

/** Every frame a client may send after `hello`. */
export const commandFrame = z.discriminatedUnion('type', [
  subscribeFrame,
  unsubscribeFrame,
  inboxSubscribeFrame,
  sendMessageFrame,
  typingFrame,
  resolveFrame,
  reopenFrame,
  assignFrame,
  readFrame,
  draftUpdateFrame,
  previewSetFrame,
  viewFrame,
  contactUpdateFrame,
  pageViewFrame,
  contactRequestFrame,
  rateFrame,
  botFeedbackFrame,
  botHandoverFrame,
  leaveMessageFrame,
  transcriptRequestFrame,
  helpContextFrame,
  recoveryStartFrame,
  recoveryCodeFrame,
]);

export const clientFrame = z.discriminatedUnion('type', [helloFrame, ...commandFrame.options]);

// ---------- server -> client frames ----------

export const welcomeFrame = z.object({
  type: z.literal('welcome'),
  protocol: z.literal(PROTOCOL_VERSION),
  role: z.enum(['visitor', 'agent']),
  /**
   * Visitor: their id and name, and a new `token` in every welcome (store it, send it in the next hello;
   * the one sent in this hello lapses a few minutes later).
   */
  visitor: z
    .object({
      id,
      name: z.string(),
      token: z.string().optional(),
      /** How the visitor is known; the widget offers the pre-chat form only to anonymous ones. */
      verification: verificationSchema.optional(),
    })
    .optional(),
  agent: agentSchema.optional(),
  /** Visitor: the policy for a new conversation, and the admins' redaction rules to apply before sending. */
  preview: z.object({ policy: previewPolicySchema }).optional(),
  redactionRules: z.array(redactionRuleSchema).optional(),
  /** Visitor: their conversations, newest first. */
  conversations: z.array(conversationSchema),
  serverTime: z.number().int(),
  /** Visitor: the inbox's pre-chat form. */
  preChatForm: preChatFormSchema.optional(),
  /** Visitor: the inbox's business hours now (absent: no hours set, always open). */
  hours: hoursStatusSchema.optional(),
  /** Visitor: a new conversation is answered first by the automated assistant (the widget says so). */
  bot: inboxBotSchema.optional(),
  /**
   * Visitor: who runs this Candor (CANDOR_SITE_NAME), for the "verified agent of <site>" mark the widget
   * draws beside agent messages from the author type the server set, never from text; `verifyUrl` is
   * the help centre's page where a support reference can be checked. Recovery: whether the widget offers
   * "I can't access my account".
   */
  site: z.object({ name: z.string(), verifyUrl: z.string(), recovery: z.boolean() }).optional(),
});

export const ackFrame = z.object({
  type: z.literal('ack'),
  ref: z.string(),
  message: messageSchema.optional(),
  conversation: conversationSchema.optional(),
  /** contact.update: the contact as stored. */
  contact: contactSchema.pick({ name: true, email: true, verification: true }).optional(),
  /** conversation.rate: the rating as stored. */
  rating: ratingSchema.optional(),
  /** recovery.code: what the try did. */
  codeResult: codeResultSchema.optional(),
});

export const historyFrame = z.object({
  type: z.literal('conversation.history'),
  ref: z.string().optional(),
  conversation: conversationSchema,
  /** Messages after the requested seq, in order; `complete` false means ask again after the last one. */
  messages: z.array(messageSchema),
  complete: z.boolean(),
});

export const messageCreatedFrame = z.object({ type: z.literal('message.created'), message: messageSchema });

export const conversationUpdatedFrame = z.object({
  type: z.literal('conversation.updated'),
  conversation: conversationSchema,
});

/**
 * To a visitor following the conversation: its typing preview changed because an admin changed the
 * inbox's policy. Tightening it (to opt_in or off) turned the switch off until the visitor opts in.
 */
export const previewUpdatedFrame = z.object({
  type: z.literal('preview.updated'),
  conversationId: id,
  preview: previewStateSchema,
});

export const inboxSnapshotFrame = z.object({
  type: z.literal('inbox.snapshot'),
  ref: z.string().optional(),
  /** Every open conversation (up to a limit), then the latest resolved ones; most recently updated first. */
  conversations: z.array(conversationSchema),
  /** Open conversations past the limit, left out (the most recently active ones); absent when none. */
  openNotShown: z.number().int().min(1).optional(),
});

export const typingUpdatedFrame = z.object({
  type: z.literal('typing.updated'),
  conversationId: id,
  author: authorSchema,
  typing: z.boolean(),
});

/** To the assignee and watching admins: the visitor's current draft, already redacted; '' = cleared. */
export const draftUpdatedFrame = z.object({
  type: z.literal('draft.updated'),
  conversationId: id,
  text: z.string(),
});

// ---------- agents' tools (issue 12): never delivered to a visitor socket ----------

/** A private note: agents of the conversation's inbox only. It takes no seq: the visitor's stream has no hole. */
export const noteSchema = z.object({
  id,
  conversationId: id,
  author: authorSchema,
  body: z.string(),
  createdAt: z.number().int(),
});

export const activityKindSchema = z.enum([
  'assigned',
  'unassigned',
  'transferred',
  'resolved',
  'reopened',
  'tagged',
  'untagged',
  'priority_changed',
  // The visitor rated a resolution: detail { score: '1'..'5', comment }.
  'rated',
  // The visitor left a message while the team was away: detail { email }.
  'left_offline',
  // The visitor searched the help before writing: detail { query, titles: [...], urls: [...] }.
  'help_context',
]);

/**
 * One line of the activity trail: who did what, when. `detail` by kind, e.g. assigned
 * `{ agentId, agentName }`, tagged `{ tags: [...] }`, transferred `{ note }` (agents only, like all of it).
 */
export const activitySchema = z.object({
  id,
  conversationId: id,
  kind: activityKindSchema,
  actor: authorSchema,
  detail: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()])),
  createdAt: z.number().int(),
});

export const noteCreatedFrame = z.object({ type: z.literal('note.created'), note: noteSchema });
export const activityRecordedFrame = z.object({
  type: z.literal('activity.recorded'),
  activity: activitySchema,
});
/** To agents of the inbox: a conversation's tags changed (the whole new list). */
export const tagsUpdatedFrame = z.object({
  type: z.literal('tags.updated'),
  conversationId: id,
  tags: z.array(z.string()),
});
/** To the other agents following a conversation: an agent opened it (true) or left it (false). */
export const viewingUpdatedFrame = z.object({
  type: z.literal('viewing.updated'),
  conversationId: id,
  agent: z.object({ id, name: z.string() }),
  viewing: z.boolean(),
});

/** To the visitor: an agent has read the conversation up to `seq` (read receipt). */
export const conversationSeenFrame = z.object({
  type: z.literal('conversation.seen'),
  conversationId: id,
  seq,
});
/** To the visitor: an agent asks for their name and email in this conversation. */
export const contactRequestedFrame = z.object({ type: z.literal('contact.requested'), conversationId: id });

/** To agents of the inbox: a visitor's contact changed (name, email, page); read it again if shown. */
export const contactUpdatedFrame = z.object({ type: z.literal('contact.updated'), visitorId: id });

export const errorFrame = z.object({
  type: z.literal('error'),
  ref: z.string().optional(),
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** With rate_limited: how long until the same command may succeed. */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** With message_held: what the message asks for or holds, so a console words the warning in its language. */
  heldBecause: z.enum(['asks_for_secret', 'contains_secret']).optional(),
});

export const serverFrame = z.discriminatedUnion('type', [
  welcomeFrame,
  ackFrame,
  historyFrame,
  messageCreatedFrame,
  conversationUpdatedFrame,
  previewUpdatedFrame,
  inboxSnapshotFrame,
  typingUpdatedFrame,
  draftUpdatedFrame,
  viewingUpdatedFrame,
  conversationSeenFrame,
  errorFrame,
  queuePositionFrame,
  conversationAssignedFrame,
  conversationTransferredFrame,
  conversationHandedOverFrame,
  noteCreatedFrame,
  activityRecordedFrame,
  tagsUpdatedFrame,
  routingUpdatedFrame,
  agentStatusFrame,
  contactRequestedFrame,
  contactUpdatedFrame,
  recoveryStatusFrame,
  recoveryChangedFrame,
]);

// ---------- REST bodies ----------

export const loginBody = z.object({ email: z.email().max(254), password: z.string().min(1).max(512) });
export const createAgentBody = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  role: agentRoleSchema.default('agent'),
  /** Omitted: a strong password is generated and returned once in the response. */
  password: z.string().min(12).max(512).optional(),
});
const newPassword = z.string().min(12).max(512);
const agentName = z.string().trim().min(1).max(100);
/** Admins: rename, change the role, deactivate (false) or reactivate (true). At least one field. */
export const updateAgentBody = z
  .object({
    name: agentName.optional(),
    role: agentRoleSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => b.name !== undefined || b.role !== undefined || b.active !== undefined, {
    message: 'Give at least one of name, role, active',
  });
/** Admins: set an agent's password, or omit it to have one generated and returned once. */
export const resetPasswordBody = z.object({ password: newPassword.optional() });
export const updateMeBody = z.object({ name: agentName });
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(512),
  newPassword,
});
/** One of an agent's signed-in sessions. `id` is opaque: it ends the session, it does not open one. */
export const sessionSchema = z.object({
  id,
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  current: z.boolean(),
  userAgent: z.string().optional(),
  ip: z.string().optional(),
});
export const sendMessageBody = z.object({
  clientKey,
  body,
  /** Agents: send a message held back (error `message_held`) after reading the warning; see message.send. */
  acknowledgeWarning: z.boolean().optional(),
});
/** An inbox's signed-identity settings as admins see them: never the secret itself. */
export const inboxIdentitySchema = z.object({
  /** A secret is set (in the console, or by CANDOR_IDENTITY_SECRET for the default inbox). */
  secretSet: z.boolean(),
  /** The secret in use comes from CANDOR_IDENTITY_SECRET (a console secret replaces it). */
  fromEnvironment: z.boolean(),
  /** Only signed visitors may chat; typed names and emails are refused. */
  enforce: z.boolean(),
});
export const inboxSchema = z.object({
  id,
  name: z.string(),
  previewPolicy: previewPolicySchema,
  preChatForm: preChatFormSchema.optional(),
  identity: inboxIdentitySchema.optional(),
  /** Whether new conversations are answered first by the bot (issue 13). */
  bot: inboxBotSchema.optional(),
});
export const updateInboxBody = z
  .object({
    previewPolicy: previewPolicySchema.optional(),
    preChatForm: preChatFormSchema.optional(),
    identity: z
      .object({
        /** HS256 key shared with the host site, 32 to 512 characters; null removes it. */
        secret: z.string().min(32).max(512).nullable().optional(),
        enforce: z.boolean().optional(),
      })
      .optional(),
    /** Answer new conversations with the bot first (admins only). */
    bot: z.object({ enabled: z.boolean() }).strict().optional(),
  })
  .refine(
    (b) =>
      b.previewPolicy !== undefined ||
      b.preChatForm !== undefined ||
      b.identity !== undefined ||
      b.bot !== undefined,
    { message: 'Give at least one of previewPolicy, preChatForm, identity, bot' },
  );
export const createRedactionRuleBody = redactionRuleSchema.omit({ id: true });
export const testRedactionRuleBody = createRedactionRuleBody.extend({
  sample: z.string().max(LIMITS.messageBodyMax),
});
/** Per agent, kept on the server so they follow the agent to any browser. */
export const agentPreferencesSchema = z.object({
  /** Which events notify: a conversation enters the queue, a visitor writes in theirs, one is given to them. */
  notify: z.object({ newConversation: z.boolean(), newMessage: z.boolean(), assigned: z.boolean() }),
  /** Play a sound for those events. */
  sound: z.boolean(),
  /** Show a desktop notification for them, where this browser was allowed to. */
  desktop: z.boolean(),
});

export const errorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    retryAfterMs: z.number().int().nonnegative().optional(),
  }),
});

// ---------- agents' tools: REST bodies ----------

export const addNoteBody = z.object({ body: z.string().max(TOOL_LIMITS.noteBodyMax * 2) });
/** The whole new list; each tag is trimmed and lower-cased, duplicates dropped (domain/tags.ts). */
export const setTagsBody = z.object({
  tags: z.array(z.string().max(TOOL_LIMITS.tagLengthMax * 2)).max(TOOL_LIMITS.tagsPerConversation * 2),
});

const shortcut = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(TOOL_LIMITS.shortcutMax)
  .regex(SHORTCUT_PATTERN, 'lower-case letters, digits, - and _');
const cannedBody = z.string().trim().min(1).max(TOOL_LIMITS.cannedBodyMax);

/**
 * A canned response: `shared` (admins manage it, every agent uses it) or `personal` (its owner's).
 * Variables `{{visitor.name}}` and `{{agent.name}}` are filled in when inserted.
 */
export const cannedResponseSchema = z.object({
  id,
  scope: z.enum(['shared', 'personal']),
  /** The agent it belongs to; null for a shared one. */
  ownerId: z.string().nullable(),
  shortcut: z.string(),
  /** The language it is written in; null: any language (offered after the visitor's own). */
  locale: z.enum(CANNED_LOCALES).nullable(),
  body: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export const createCannedResponseBody = z.object({
  scope: z.enum(['shared', 'personal']).default('personal'),
  shortcut,
  /** null: any language. Omitted: English, as before languages were optional. */
  locale: z.enum(CANNED_LOCALES).nullable().default('en'),
  body: cannedBody,
});
export const updateCannedResponseBody = z
  .object({
    shortcut: shortcut.optional(),
    locale: z.enum(CANNED_LOCALES).nullable().optional(),
    body: cannedBody.optional(),
  })
  .refine((b) => b.shortcut !== undefined || b.locale !== undefined || b.body !== undefined, {
    message: 'Give at least one of shortcut, locale, body',
  });
// ---------- search (GET /api/v1/search) ----------

const instant = z.iso.datetime({ offset: true });
/** Query of GET /api/v1/search. `assigneeId`: an agent's id, or `none` for unassigned conversations. */
export const searchQuery = z.object({
  q: z.string().min(1).max(LIMITS.searchQueryMax),
  status: conversationStatusSchema.optional(),
  assigneeId: id.optional(),
  /** Only conversations transferred to this team (a team's id). */
  team: id.optional(),
  /** Only conversations carrying this tag (normalised as tags are: trimmed, lower case). */
  tag: z
    .string()
    .min(1)
    .max(TOOL_LIMITS.tagLengthMax * 2)
    .optional(),
  /** ISO 8601 instants: the matching message was written at or after `from`, before `to`. */
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.searchPageMax).default(20),
  /** `nextCursor` of the previous page, as it was given. */
  cursor: z.string().min(1).max(400).optional(),
});
/** Where a match is in `text`: UTF-16 offsets (JavaScript string indices), end exclusive. */
export const searchHighlightSchema = z.object({ start: z.number().int().min(0), end: z.number().int() });
/** A matching message: the part of its body around the match, with the matched words as ranges. */
export const searchMatchSchema = z.object({
  messageId: id,
  seq: z.number().int().min(1),
  author: authorSchema,
  createdAt: z.number().int(),
  snippet: z.object({
    text: z.string(),
    highlights: z.array(searchHighlightSchema),
    /** The body goes on before / after `text`. */
    cutBefore: z.boolean(),
    cutAfter: z.boolean(),
  }),
});
export const searchResultSchema = z.object({
  conversation: conversationSchema,
  /** Messages of the conversation that match (within from/to). */
  matchCount: z.number().int().min(1),
  /** The newest matching messages, newest first (at most 3). */
  matches: z.array(searchMatchSchema),
});
export const searchResponse = z.object({
  /** Conversations with a matching message, most recently updated first. */
  results: z.array(searchResultSchema),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
