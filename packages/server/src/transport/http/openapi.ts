/**
 * The OpenAPI 3.1 document, built from the same zod schemas the server validates with, so the
 * description cannot drift from what is enforced. openapi.test.ts checks every path is routed.
 */
import { z } from 'zod';
import * as s from '@candor/protocol/schemas';
import { PROTOCOL_VERSION } from '@candor/protocol';
import { recoveryOps } from './recovery-openapi';

const json = (schema: z.ZodType) => ({
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } },
});
const ok = (description: string, schema: z.ZodType) => ({ description, ...json(schema) });
const err = { description: 'Error (see `code`)', ...json(s.errorBody) };
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const cookie = [{ session: [] }];

export interface Op {
  /** Unique across the document (Redocly's recommended rules; clients generate method names from it). */
  operationId: string;
  summary: string;
  description?: string;
  body?: z.ZodType;
  ok: [number, string, z.ZodType | null];
  params?: object[];
  public?: boolean;
  /** Called by the host's back end with an API token (`Authorization: Bearer`), not a session. */
  bearer?: boolean;
}

const conversation = z.object({ conversation: s.conversationSchema });
const ops: Record<string, Record<string, Op>> = {
  '/api/v1/auth/login': {
    post: {
      operationId: 'logIn',
      summary: 'Log in; sets the HttpOnly session cookie',
      body: s.loginBody,
      ok: [200, 'Logged in', z.object({ agent: s.agentSchema })],
      public: true,
    },
  },
  '/api/v1/auth/logout': {
    post: {
      operationId: 'logOut',
      summary: "Log out; closes this session's sockets",
      ok: [204, 'Logged out', null],
    },
  },
  '/api/v1/me': {
    get: {
      operationId: 'getMe',
      summary: 'The logged-in agent',
      ok: [200, 'The agent', z.object({ agent: s.agentSchema })],
    },
    patch: {
      operationId: 'updateMe',
      summary: 'Change your display name',
      body: s.updateMeBody,
      ok: [200, 'The agent', z.object({ agent: s.agentSchema })],
    },
  },
  '/api/v1/session': {
    get: {
      operationId: 'getSession',
      summary: 'The logged-in agent, or null when signed out (200 either way, unlike /api/v1/me)',
      ok: [200, 'The agent or null', z.object({ agent: s.agentSchema.nullable() })],
      public: true,
    },
  },
  '/api/v1/me/password': {
    post: {
      operationId: 'changeMyPassword',
      summary: 'Change your password',
      description:
        'Needs the current password (403 if it is wrong). Every other session of the agent ends and its sockets close; this one stays.',
      body: s.changePasswordBody,
      ok: [204, 'Changed', null],
    },
  },
  '/api/v1/me/preferences': {
    get: {
      operationId: 'getMyPreferences',
      summary: 'Your notification preferences (defaults until you change them)',
      ok: [200, 'Preferences', z.object({ preferences: s.agentPreferencesSchema })],
    },
    put: {
      operationId: 'setMyPreferences',
      summary: 'Replace your notification preferences',
      description:
        'Kept per agent, so they follow you to any browser. Desktop notifications also need the permission of each browser.',
      body: s.agentPreferencesSchema,
      ok: [200, 'Preferences as stored', z.object({ preferences: s.agentPreferencesSchema })],
    },
  },
  '/api/v1/me/sessions': {
    get: {
      operationId: 'listMySessions',
      summary: 'Your signed-in sessions, newest first',
      description:
        'Each session is named by an opaque id, which can end it but never sign in; `current` marks the one making this request.',
      ok: [200, 'Sessions', z.object({ sessions: z.array(s.sessionSchema) })],
    },
  },
  '/api/v1/me/sessions/{id}': {
    delete: {
      operationId: 'endMySession',
      summary: 'End one of your sessions',
      description: "Its sockets close at once on every node. Another agent's session id answers 404.",
      params: idParam,
      ok: [204, 'Ended', null],
    },
  },
  '/api/v1/agents': {
    get: {
      operationId: 'listAgents',
      summary: 'List agents (emails for admins only; other agents see names)',
      ok: [200, 'Agents', z.object({ agents: z.array(s.agentSchema) })],
    },
    post: {
      operationId: 'createAgent',
      summary: 'Create an agent (admins); a generated password is returned once',
      body: s.createAgentBody,
      ok: [201, 'Created', z.object({ agent: s.agentSchema, password: z.string().optional() })],
    },
  },
  '/api/v1/agents/{id}': {
    patch: {
      operationId: 'updateAgent',
      summary: 'Rename, change the role of, deactivate or reactivate an agent (admins)',
      description:
        "Deactivating ends every session of the agent and closes their sockets on every node; a deactivated agent's login is refused like a wrong password. A role change closes the agent's sockets with 4004 so they reconnect with the new role. An admin cannot deactivate or demote themselves (403), nor the last active admin (409).",
      params: idParam,
      body: s.updateAgentBody,
      ok: [200, 'The agent', z.object({ agent: s.agentSchema })],
    },
  },
  '/api/v1/agents/{id}/password': {
    post: {
      operationId: 'resetAgentPassword',
      summary: "Set or generate an agent's password (admins)",
      description:
        'Without `password`, a strong one is generated and returned once as `{ password }` (200); with one, 204. Every session of the agent ends and its sockets close.',
      params: idParam,
      body: s.resetPasswordBody,
      ok: [200, 'The generated password, shown once', z.object({ password: z.string() })],
    },
  },
  '/api/v1/search': {
    get: {
      operationId: 'searchConversations',
      summary: "Full-text search over every conversation of the agent's inboxes",
      description:
        'Every word must match, through its French or English stem, ignoring accents and case ("remboursé" finds "rembourser"). ' +
        'Conversations come most recently updated first, each with its newest matching messages as snippets; ' +
        '`highlights` are UTF-16 ranges of `snippet.text` to mark (text, never HTML). Masked secrets are not searchable: ' +
        'only the stored, redacted body is indexed. 30 searches per 10 s per agent (429 `rate_limited`).',
      params: [
        { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } },
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'resolved'] } },
        {
          name: 'assigneeId',
          in: 'query',
          description: "An agent's id, or `none` for unassigned conversations",
          schema: { type: 'string', maxLength: 64 },
        },
        {
          name: 'team',
          in: 'query',
          description: "A team's id: only conversations transferred to that team",
          schema: { type: 'string', maxLength: 64 },
        },
        {
          name: 'tag',
          in: 'query',
          description: 'Only conversations carrying this tag (case and surrounding spaces ignored)',
          schema: { type: 'string', maxLength: 64 },
        },
        {
          name: 'from',
          in: 'query',
          description: 'A matching message was written at or after this instant',
          schema: { type: 'string', format: 'date-time' },
        },
        {
          name: 'to',
          in: 'query',
          description: 'A matching message was written before this instant',
          schema: { type: 'string', format: 'date-time' },
        },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
        {
          name: 'cursor',
          in: 'query',
          description: '`nextCursor` of the previous page',
          schema: { type: 'string', maxLength: 400 },
        },
      ],
      ok: [200, 'Matching conversations', s.searchResponse],
    },
  },
  '/api/v1/conversations': {
    get: {
      operationId: 'listConversations',
      summary:
        "Conversations of the agent's inboxes (view new | mine | all; status open | resolved; by tag, by team)",
      params: [
        { name: 'view', in: 'query', schema: { type: 'string', enum: ['new', 'mine', 'all'] } },
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'resolved'] } },
        { name: 'tag', in: 'query', schema: { type: 'string', maxLength: 64 } },
        {
          name: 'team',
          in: 'query',
          description: "A team's id: only conversations transferred to that team",
          schema: { type: 'string', maxLength: 64 },
        },
      ],
      ok: [200, 'Conversations', z.object({ conversations: z.array(s.conversationSchema) })],
    },
  },
  '/api/v1/conversations/{id}': {
    get: {
      operationId: 'getConversation',
      summary: 'One conversation',
      params: idParam,
      ok: [200, 'The conversation', conversation],
    },
  },
  '/api/v1/conversations/{id}/messages': {
    get: {
      operationId: 'listMessages',
      summary: 'Messages after a seq, ascending',
      params: [
        ...idParam,
        { name: 'after', in: 'query', schema: { type: 'integer', minimum: 0 } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200 } },
      ],
      ok: [
        200,
        'A page of messages',
        z.object({ messages: z.array(s.messageSchema), complete: z.boolean() }),
      ],
    },
    post: {
      operationId: 'sendMessage',
      summary: 'Send a message (idempotent by clientKey: a repeat returns 200 and the stored message)',
      description:
        'An agent message that asks for or holds a password or a code is held back: 422 `message_held`, whose message says why; nothing is stored. Sending it again with `acknowledgeWarning: true` sends it, except in an account-recovery conversation, where it is never sent.',
      params: idParam,
      body: s.sendMessageBody,
      ok: [201, 'Stored', z.object({ message: s.messageSchema, conversation: s.conversationSchema })],
    },
  },
  '/api/v1/conversations/{id}/resolve': {
    post: {
      operationId: 'resolveConversation',
      summary: 'Resolve',
      params: idParam,
      ok: [200, 'Resolved', conversation],
    },
  },
  '/api/v1/conversations/{id}/reopen': {
    post: {
      operationId: 'reopenConversation',
      summary: 'Reopen',
      params: idParam,
      ok: [200, 'Reopened', conversation],
    },
  },
  '/api/v1/conversations/{id}/assign': {
    post: {
      operationId: 'assignConversation',
      summary: 'Assign (agentId null unassigns)',
      params: idParam,
      body: z.object({ agentId: z.string().nullable() }),
      ok: [200, 'Assigned', conversation],
    },
  },
  '/api/v1/conversations/{id}/notes': {
    get: {
      operationId: 'listNotes',
      summary: 'Private notes of a conversation, oldest first (agents of its inbox only; the latest 500)',
      params: idParam,
      ok: [200, 'Notes', z.object({ notes: z.array(s.noteSchema) })],
    },
    post: {
      operationId: 'addNote',
      summary: 'Add a private note: seen by agents only, never by the visitor',
      description:
        'Notes are not messages: they take no seq, never appear in the visitor history, and reach agent sockets only (`note.created`). Secrets are masked as in messages.',
      params: idParam,
      body: s.addNoteBody,
      ok: [201, 'Stored', z.object({ note: s.noteSchema })],
    },
  },
  '/api/v1/conversations/{id}/activity': {
    get: {
      operationId: 'listActivity',
      summary: 'The activity trail (assigned, transferred, resolved, reopened, tagged…), oldest first',
      params: idParam,
      ok: [200, 'Trail', z.object({ activity: z.array(s.activitySchema) })],
    },
  },
  '/api/v1/conversations/{id}/tags': {
    put: {
      operationId: 'setConversationTags',
      summary: "Replace a conversation's tags (any agent of its inbox)",
      description:
        'Each tag is trimmed, lower-cased and de-duplicated; at most 10 tags of at most 32 characters (413 past either). Agents of the inbox are told with `tags.updated`; visitors never see tags.',
      params: idParam,
      body: s.setTagsBody,
      ok: [200, 'The conversation with its tags', conversation],
    },
  },
  '/api/v1/canned-responses': {
    get: {
      operationId: 'listCannedResponses',
      summary: 'Shared canned responses and your personal ones',
      ok: [200, 'Canned responses', z.object({ cannedResponses: z.array(s.cannedResponseSchema) })],
    },
    post: {
      operationId: 'createCannedResponse',
      summary: 'Add a canned response (shared ones: admins only)',
      description:
        'A shortcut is unique per owner and locale (409 otherwise). The body may use `{{visitor.name}}` and `{{agent.name}}`, filled in when inserted.',
      body: s.createCannedResponseBody,
      ok: [201, 'Created', z.object({ cannedResponse: s.cannedResponseSchema })],
    },
  },
  '/api/v1/canned-responses/{id}': {
    patch: {
      operationId: 'updateCannedResponse',
      summary: 'Change a canned response (yours; shared or anyone’s: admins)',
      description: "Another agent's personal response answers 404; a shared one, for a non-admin, 403.",
      params: idParam,
      body: s.updateCannedResponseBody,
      ok: [200, 'Updated', z.object({ cannedResponse: s.cannedResponseSchema })],
    },
    delete: {
      operationId: 'deleteCannedResponse',
      summary: 'Delete a canned response (same rules as changing it)',
      params: idParam,
      ok: [204, 'Deleted', null],
    },
  },
  '/api/v1/articles': {
    get: {
      operationId: 'listArticles',
      summary: 'Help articles, drafts included (agents), by category then title',
      params: [{ name: 'locale', in: 'query', schema: { type: 'string', enum: ['en', 'fr'] } }],
      ok: [200, 'Articles', z.object({ articles: z.array(s.articleSchema) })],
    },
    post: {
      operationId: 'createArticle',
      summary: 'Write a help article (admins)',
      description:
        'The body is Markdown; raw HTML in it is shown as text, and links only to http, https and mailto. The slug comes from the title, unique in its language, and never changes: a published article stays at `url`. Other fields are refused (400).',
      body: s.createArticleBody,
      ok: [201, 'Created', z.object({ article: s.articleSchema })],
    },
  },
  '/api/v1/help/articles': {
    get: {
      operationId: 'searchHelpArticles',
      summary: "Search the published help articles of a language (the widget's Help tab; no session)",
      description:
        "The help centre's search (accents folded, French and English stems); at most 10 results, best first; an empty `q` finds nothing. Callable from the widget's allowed origins (CANDOR_ALLOWED_ORIGINS, 403 otherwise); limited per client address together with the help centre's searches (429 with Retry-After, CANDOR_HELP_REQUESTS_PER_IP_PER_MINUTE).",
      params: [
        { name: 'q', in: 'query', schema: { type: 'string', maxLength: 800 } },
        { name: 'locale', in: 'query', schema: { type: 'string', enum: ['en', 'fr'], default: 'en' } },
      ],
      ok: [200, 'Results', s.helpSearchResponseSchema],
      public: true,
    },
  },
  '/api/v1/help/articles/{id}': {
    get: {
      operationId: 'getHelpArticle',
      summary: 'One published help article as plain blocks (headings, paragraphs, lists of text; never HTML)',
      description:
        'Links are written as their text followed by the URL in parentheses; raw HTML and tags are dropped. A draft answers 404 like a missing article. Same origin rule and limit as the search.',
      params: idParam,
      ok: [200, 'The article', s.helpArticleSchema],
      public: true,
    },
  },
  '/api/v1/help/verify': {
    post: {
      operationId: 'verifySupportReference',
      summary:
        'Is this support reference genuine and current? (public; the help centre’s /help/verify page asks the same)',
      description:
        'Case, spaces and dashes are forgiven. Unknown, malformed, expired, or given by an agent since deactivated: the same answer, `{ genuine: false }`. Limited to 10 checks per client address per minute across nodes, together with the page (429 with Retry-After).',
      body: s.verifyReferenceBody,
      ok: [200, 'The verdict', s.verifyReferenceResponse],
      public: true,
    },
  },
  '/api/v1/support-references': {
    post: {
      operationId: 'createSupportReference',
      summary: 'Give a customer a support reference they can check on /verify (agents)',
      description:
        'A short reference (CND-XXXX-XXXX, 40 random bits) valid 24 hours, naming the agent when checked; shown here once, kept only as a hash. With `conversationId`, the agent must be able to read that conversation (404 otherwise). At most 60 per agent per hour (429).',
      body: s.createSupportReferenceBody,
      ok: [201, 'The reference', s.supportReferenceSchema],
    },
  },
  '/api/v1/support-references/revoke': {
    post: {
      operationId: 'revokeSupportReference',
      summary: 'Withdraw a support reference before it expires (its agent, supervisors, admins)',
      description:
        'From then on /verify answers `{ genuine: false }` for it. Case, spaces and dashes are forgiven. Unknown, expired, or given by another agent to a plain agent: 404. Revoking one already revoked: 204 again. Audited.',
      body: s.revokeSupportReferenceBody,
      ok: [204, 'Revoked', null],
    },
  },
  '/api/v1/articles/preview': {
    post: {
      operationId: 'previewArticle',
      summary: 'Markdown rendered as the help centre shows it (agents), for a live preview',
      description: 'Raw HTML comes back as text; links only to http, https, mailto and /help/ pages.',
      body: s.previewArticleBody,
      ok: [200, 'Safe HTML', s.articlePreviewSchema],
    },
  },
  '/api/v1/articles/{id}': {
    get: {
      operationId: 'getArticle',
      summary: 'One help article (agents)',
      params: idParam,
      ok: [200, 'The article', z.object({ article: s.articleSchema })],
    },
    patch: {
      operationId: 'updateArticle',
      summary: 'Change a help article (admins); its address stays the same',
      params: idParam,
      body: s.updateArticleBody,
      ok: [200, 'Updated', z.object({ article: s.articleSchema })],
    },
    delete: {
      operationId: 'deleteArticle',
      summary: 'Delete a help article (admins)',
      params: idParam,
      ok: [204, 'Deleted', null],
    },
  },
  '/api/v1/conversations/{id}/contact': {
    get: {
      operationId: 'getConversationContact',
      summary:
        "The conversation's contact: name, email, verification, language, time zone, pages, earlier conversations",
      description:
        'Earlier conversations are those of the same visitor (a signed user is one visitor across browsers), never of another visitor who typed the same email.',
      params: idParam,
      ok: [200, 'The contact', z.object({ contact: s.contactSchema })],
    },
  },
  '/api/v1/inboxes': {
    get: {
      operationId: 'listInboxes',
      summary: "The caller's inboxes (admins: all) and their typing-preview policy",
      ok: [200, 'Inboxes', z.object({ inboxes: z.array(s.inboxSchema) })],
    },
  },
  '/api/v1/inboxes/{id}': {
    patch: {
      operationId: 'updateInbox',
      summary: 'Set the typing-preview policy, pre-chat form or signed identity of an inbox (admins)',
      description:
        'identity.secret (32 to 512 characters, null removes it) is never returned: the inbox says identity.secretSet. With identity.enforce, only visitors signed by the site may chat.',
      params: idParam,
      body: s.updateInboxBody,
      ok: [200, 'Updated', z.object({ inbox: s.inboxSchema })],
    },
  },
  '/api/v1/redaction-rules': {
    get: {
      operationId: 'listRedactionRules',
      summary: "Admins' own redaction rules",
      ok: [200, 'Rules', z.object({ rules: z.array(s.redactionRuleSchema) })],
    },
    post: {
      operationId: 'createRedactionRule',
      summary: 'Add a redaction rule (admins); the pattern is checked first',
      body: s.createRedactionRuleBody,
      ok: [201, 'Created', z.object({ rule: s.redactionRuleSchema })],
    },
  },
  '/api/v1/redaction-rules/{id}': {
    delete: {
      operationId: 'deleteRedactionRule',
      summary: 'Delete a redaction rule (admins)',
      params: idParam,
      ok: [204, 'Deleted', null],
    },
  },
  '/api/v1/redaction-rules/test': {
    post: {
      operationId: 'testRedactionRule',
      summary: 'Mask a sample with the built-in rules plus a candidate rule (admins)',
      body: s.testRedactionRuleBody,
      ok: [
        200,
        'The masked sample and what was found',
        z.object({ text: z.string(), found: z.array(z.object({ kind: z.string(), label: z.string() })) }),
      ],
    },
  },
  '/api/v1/widget/status': {
    get: {
      operationId: 'getWidgetStatus',
      summary: "Whether the widget may chat from the requesting page's Origin (CANDOR_ALLOWED_ORIGINS)",
      ok: [200, 'The answer for this Origin', z.object({ allowed: z.boolean() })],
      public: true,
    },
  },
  ...routingOps(),
  ...satisfactionOps(),
  '/api/v1/outbox': {
    get: {
      operationId: 'listOutbox',
      summary:
        'The development outbox: mail (and texts) kept instead of sent while no SMTP server (SMS provider) is configured (admins)',
      description:
        'Newest first. With CANDOR_SMTP_URL and CANDOR_MAIL_FROM set, mail goes out by SMTP; with Twilio ' +
        'configured (CANDOR_TWILIO_ACCOUNT_SID, CANDOR_TWILIO_AUTH_TOKEN, CANDOR_SMS_FROM), texts go out by ' +
        "Twilio; with both, `enabled` is false and nothing new is kept here. Texts have `channel: 'sms'`.",
      params: [
        {
          name: 'limit',
          in: 'query',
          description: 'Mails to list',
          schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
        },
      ],
      ok: [200, 'The kept mails', s.outboxResponse],
    },
  },
  ...hostApiOps(),
  ...recoveryOps(),
  ...recoveryActionOps(),
  '/healthz': {
    get: {
      operationId: 'getLiveness',
      summary: 'Liveness: 200 once started',
      ok: [200, 'Up', z.object({ status: z.string() })],
      public: true,
    },
  },
  '/readyz': {
    get: {
      operationId: 'getReadiness',
      summary: 'Readiness: 200 when the store answers',
      ok: [200, 'Ready', z.object({ status: z.string() })],
      public: true,
    },
  },
};

/** Routing (issue 12): teams, inbox routing, agents' status, the queue, transfers. */
function routingOps(): Record<string, Record<string, Op>> {
  const team = z.object({ team: s.teamSchema });
  const routing = z.object({ routing: s.inboxRoutingSchema });
  return {
    '/api/v1/teams': {
      get: {
        operationId: 'listTeams',
        summary: 'Teams and their members',
        ok: [200, 'Teams', z.object({ teams: z.array(s.teamSchema) })],
      },
      post: {
        operationId: 'createTeam',
        summary: 'Create a team (admins)',
        body: s.createTeamBody,
        ok: [201, 'Created', team],
      },
    },
    '/api/v1/teams/{id}': {
      patch: {
        operationId: 'updateTeam',
        summary: 'Rename a team, set its default capacity or members (admins)',
        params: idParam,
        body: s.updateTeamBody,
        ok: [200, 'The team', team],
      },
      delete: {
        operationId: 'deleteTeam',
        summary: 'Delete a team (admins); conversations transferred to it go back to the inbox',
        params: idParam,
        ok: [204, 'Deleted', null],
      },
    },
    '/api/v1/inboxes/{id}/routing': {
      get: {
        operationId: 'getInboxRouting',
        summary: "An inbox's assignment strategy and the teams it routes to",
        params: idParam,
        ok: [200, 'Routing', routing],
      },
      patch: {
        operationId: 'updateInboxRouting',
        summary: "Set an inbox's strategy (manual, round_robin, least_busy, skill_match) and teams (admins)",
        description:
          'Assignment is always among online agents with room left; the default is round_robin to every agent of the inbox.',
        params: idParam,
        body: s.updateInboxRoutingBody,
        ok: [200, 'Routing', routing],
      },
    },
    '/api/v1/inboxes/{id}/queue': {
      get: {
        operationId: 'getQueue',
        summary: 'Waiting conversations in order (priority, then longest waiting) and the wait estimate',
        params: idParam,
        ok: [200, 'The queue', z.object({ queue: s.queueSchema })],
      },
    },
    '/api/v1/queues': {
      get: {
        operationId: 'listQueues',
        summary: 'The queue of every inbox the agent answers in, by inbox name',
        ok: [200, 'The queues', z.object({ queues: z.array(s.inboxQueueSchema) })],
      },
    },
    '/api/v1/routing/agents': {
      get: {
        operationId: 'listAgentRouting',
        summary: "Agents' status, capacity, skills and load",
        ok: [200, 'Agents', z.object({ agents: z.array(s.agentRoutingSchema) })],
      },
    },
    '/api/v1/routing/agents/{id}': {
      patch: {
        operationId: 'updateAgentRouting',
        summary: "Set your status; admins also set anyone's status, capacity and skills",
        params: idParam,
        body: s.updateAgentRoutingBody,
        ok: [200, 'The agent', z.object({ agent: s.agentRoutingSchema })],
      },
    },
    '/api/v1/conversations/{id}/priority': {
      post: {
        operationId: 'setConversationPriority',
        summary: 'Set the priority (low, normal, high, urgent)',
        params: idParam,
        body: s.setPriorityBody,
        ok: [200, 'The conversation', conversation],
      },
    },
    '/api/v1/conversations/{id}/skills': {
      post: {
        operationId: 'setConversationSkills',
        summary: 'Set the skills an agent needs to be routed it (skill_match)',
        params: idParam,
        body: s.setRequiredSkillsBody,
        ok: [200, 'The conversation', conversation],
      },
    },
    '/api/v1/conversations/{id}/transfer': {
      post: {
        operationId: 'transferConversation',
        summary: 'Transfer to an agent or a team, with a note for agents only',
        description:
          'The note reaches agents (conversation.transferred frame), never the visitor, who is shown a neutral line. A transfer to a team puts the conversation back in the queue for its members.',
        params: idParam,
        body: s.transferBody,
        ok: [200, 'The conversation', conversation],
      },
    },
    '/api/v1/conversations/{id}/take': {
      post: {
        operationId: 'takeConversation',
        summary: 'Pick a waiting conversation from the queue, within your capacity (409 when full or taken)',
        params: idParam,
        ok: [200, 'The conversation', conversation],
      },
    },
  };
}

function satisfactionOps(): Record<string, Record<string, Op>> {
  const query = (name: string, description: string, schema: object) => ({
    name,
    in: 'query',
    description,
    schema,
  });
  const filters = [
    query('inbox', 'Only this inbox', { type: 'string' }),
    query('agent', 'Only conversations assigned to this agent', { type: 'string' }),
    query('from', 'Rated at or after this ISO 8601 instant', { type: 'string', format: 'date-time' }),
    query('to', 'Rated before this ISO 8601 instant', { type: 'string', format: 'date-time' }),
  ];
  return {
    '/api/v1/ratings': {
      get: {
        operationId: 'listRatings',
        summary: "Visitors' ratings of resolved conversations, newest first, for reports",
        description:
          'Ratings of the inboxes you work in. A conversation is rated at most once per resolution: ' +
          '`resolution` counts its resolutions (2 after a reopen and a second resolve).',
        params: [
          ...filters,
          query('conversation', 'Only this conversation', { type: 'string' }),
          query('limit', 'Ratings per page', { type: 'integer', minimum: 1, maximum: 200, default: 50 }),
          query('cursor', '`nextCursor` of the previous page, as it was given', { type: 'string' }),
        ],
        ok: [200, 'A page of ratings', s.ratingsResponse],
      },
    },
    '/api/v1/ratings/summary': {
      get: {
        operationId: 'summarizeRatings',
        summary: 'The ratings report (admins): count, average and 1-5 distribution, per inbox and per agent',
        description:
          'Over the same filters as the list, in the inboxes you work in; counted by the database, not ' +
          'by loading the ratings. `distribution` holds the counts of scores 1 to 5 in that order; ' +
          '`average` is null when there is no rating. `byAgent` groups by the agent the rated ' +
          'conversation is assigned to now (null: nobody). 403 for agents who are not admins.',
        params: filters,
        ok: [200, 'The report', s.ratingsSummaryResponse],
      },
    },
    '/api/v1/inboxes/{id}/hours': {
      get: {
        operationId: 'getInboxHours',
        summary: "An inbox's business hours (null: always open)",
        params: idParam,
        ok: [200, 'The hours', s.inboxHoursResponse],
      },
      put: {
        operationId: 'setInboxHours',
        summary: "Set or clear an inbox's business hours (admins)",
        description:
          'A time zone (IANA name), weekly intervals in its wall time (HH:MM, close after open, up to ' +
          '24:00, no overlaps on a day), holidays (YYYY-MM-DD in that zone) and optional holiday labels ' +
          'by date (at most 60 characters, blank ones dropped). Refused with 400 and a ' +
          'sentence saying what is wrong.',
        params: idParam,
        body: s.putInboxHoursBody,
        ok: [200, 'The hours as stored', s.inboxHoursResponse],
      },
    },
  };
}

function hostApiOps(): Record<string, Record<string, Op>> {
  return {
    '/api/v1/api-tokens': {
      get: {
        operationId: 'listApiTokens',
        summary: 'API tokens for the host site’s back end (admins); never the tokens themselves',
        ok: [200, 'The tokens', s.apiTokensResponse],
      },
      post: {
        operationId: 'createApiToken',
        summary: 'Create an API token (admins); the token is in this answer only',
        description:
          'Scopes: `accounts:write` (keep accounts on file), `accounts:read`, `conversations:read`, ' +
          '`webhooks:write`. Candor stores a hash: a lost token is revoked and replaced, not recovered.',
        body: s.createApiTokenBody,
        ok: [201, 'The new token', s.createApiTokenResponse],
      },
    },
    '/api/v1/api-tokens/{id}': {
      delete: {
        operationId: 'revokeApiToken',
        summary: 'Revoke an API token (admins); it stops working at once on every node',
        params: idParam,
        ok: [204, 'Revoked', null],
      },
    },
    '/api/v1/webhooks': {
      get: {
        operationId: 'listWebhooks',
        summary: 'Webhook endpoints (admins); never their secrets',
        ok: [200, 'The endpoints', s.webhooksResponse],
      },
      post: {
        operationId: 'createWebhook',
        summary: 'Register a webhook endpoint (admins); its signing secret is in this answer only',
        description:
          'Deliveries are signed as the Standard Webhooks specification says (`webhook-id`, ' +
          '`webhook-timestamp`, `webhook-signature`) with the `whsec_` secret; the body is ' +
          '`{ type, timestamp, data }`. Sent from a durable outbox, retried with exponential backoff and ' +
          'jitter for about 18 hours; a 410 answer disables the endpoint. Private and loopback addresses ' +
          'are refused unless `CANDOR_WEBHOOKS_ALLOW_PRIVATE=true`.',
        body: s.createWebhookBody,
        ok: [201, 'The endpoint', s.createWebhookResponse],
      },
    },
    '/api/v1/webhooks/{id}': {
      delete: {
        operationId: 'deleteWebhook',
        summary: 'Delete a webhook endpoint and its deliveries (admins)',
        params: idParam,
        ok: [204, 'Deleted', null],
      },
    },
    '/api/v1/webhooks/{id}/deliveries': {
      get: {
        operationId: 'listWebhookDeliveries',
        summary: 'The 50 latest deliveries to an endpoint, with their last answer (admins)',
        params: idParam,
        ok: [200, 'The deliveries', s.webhookDeliveriesResponse],
      },
    },
    '/api/v1/webhooks/{id}/ping': {
      post: {
        operationId: 'pingWebhook',
        summary: 'Send `webhook.ping` to an endpoint, to check it receives and verifies (admins)',
        params: idParam,
        ok: [202, 'Queued', null],
      },
    },
    '/api/v1/accounts/{externalId}': {
      put: {
        operationId: 'putAccount',
        summary: 'Keep an account’s contact details on file (Bearer token with `accounts:write`)',
        description:
          'The only addresses a recovery code is ever sent to. Fields left out are unchanged; a new ' +
          'email or phone replaces the current one, which stays on file with the time it was replaced ' +
          '(a code may still go to it for 30 days, with a second person’s approval).',
        params: [{ name: 'externalId', in: 'path', required: true, schema: { type: 'string' } }],
        body: s.putAccountBody,
        ok: [200, 'The account as stored', s.accountResponse],
        bearer: true,
      },
    },
  };
}

function recoveryActionOps(): Record<string, Record<string, Op>> {
  const decide = (operationId: string, summary: string, description: string): Op => ({
    operationId,
    summary,
    description,
    params: idParam,
    body: s.decideRecoveryActionBody,
    ok: [200, 'The action as decided', s.recoveryActionResponse],
  });
  return {
    '/api/v1/conversations/{id}/recovery/actions': {
      post: {
        operationId: 'requestRecoveryAction',
        summary: 'Ask for a recovery action on the account (agents with access to the conversation)',
        description:
          'The server decides from the codes the visitor proved in this conversation and the recovery ' +
          'settings, never from what was said: `approved`, `awaiting_approval` (a supervisor or admin ' +
          'other than the requester must approve), `cooling_off` (the account’s current email is told ' +
          'and can stop it until `coolingOffUntil`), or refused with 403 `not_verified` (still recorded, ' +
          'audited and sent to the host as `recovery.action.refused`). `change_contact` needs `newContact`; ' +
          'agents only ever see it masked. 409 when the same action is already waiting.',
        params: idParam,
        body: s.requestRecoveryActionBody,
        ok: [201, 'The action and its status', s.recoveryActionResponse],
      },
    },
    '/api/v1/recovery/approvals': {
      get: {
        operationId: 'listRecoveryApprovals',
        summary: 'Recovery actions waiting for a second person, in your inboxes (supervisors and admins)',
        ok: [200, 'The actions, oldest first', s.recoveryApprovalsResponse],
      },
    },
    '/api/v1/recovery/actions/{id}/approve': {
      post: decide(
        'approveRecoveryAction',
        'Approve a recovery action (supervisors and admins, never the requester)',
        'Decided again with the proofs as they are now (an expired proof refuses it). A contact change ' +
          'then cools off: its old contact is emailed a link that stops it. Of two approvals at once, ' +
          'one wins; the other gets 409. 403 for the requester or a plain agent (audited).',
      ),
    },
    '/api/v1/recovery/actions/{id}/refuse': {
      post: decide(
        'refuseRecoveryAction',
        'Refuse a recovery action (supervisors and admins, never the requester)',
        'Ends it (`refused_by_approver`); the host gets `recovery.action.refused`. 409 when already decided.',
      ),
    },
    '/api/v1/recovery/settings': {
      get: {
        operationId: 'getRecoverySettings',
        summary: 'The recovery settings (admins)',
        ok: [200, 'The settings in force', z.object({ settings: s.recoverySettingsSchema })],
      },
      put: {
        operationId: 'updateRecoverySettings',
        summary: 'Change the recovery settings (admins); stricter than the floor, never looser',
        description:
          'Fields left out stay. `teamId` must name an existing team (null: the inbox’s usual routing). ' +
          'Each action’s setting is raised to the floor (unlock: none; reset_second_factor: approval; ' +
          'change_contact: approval and 24 hours of cooling-off): the answer says what is in force.',
        body: s.updateRecoverySettingsBody,
        ok: [200, 'The settings in force', z.object({ settings: s.recoverySettingsSchema })],
      },
    },
  };
}

export function openApiDocument() {
  const paths = Object.fromEntries(
    Object.entries(ops).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([method, op]) => [
          method,
          {
            operationId: op.operationId,
            summary: op.summary,
            ...(op.description ? { description: op.description } : {}),
            ...(op.params ? { parameters: op.params } : {}),
            ...(op.body ? { requestBody: { required: true, ...json(op.body) } } : {}),
            ...(op.public ? { security: [] } : {}),
            ...(op.bearer ? { security: [{ apiToken: [] }] } : {}),
            responses: {
              [op.ok[0]]: op.ok[2] ? ok(op.ok[1], op.ok[2]) : { description: op.ok[1] },
              '4XX': err,
              '5XX': err,
            },
          },
        ]),
      ),
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Candor API',
      version: `1 (WebSocket protocol ${PROTOCOL_VERSION})`,
      description:
        'REST API of Candor. Live events use the WebSocket protocol described in docs/protocol.md.',
      license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
    },
    // Relative: the document is served by each Candor, and describes the host it is read from.
    servers: [{ url: '/', description: 'The Candor server serving this document' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'candor_session' },
        apiToken: { type: 'http', scheme: 'bearer', description: 'An API token created by an admin (cnd_…)' },
      },
    },
    security: cookie,
    paths,
  };
}

/** Documented paths with their methods, for the test that checks each one is routed. */
export const documentedOperations = Object.entries(ops).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => ({ path, method })),
);
