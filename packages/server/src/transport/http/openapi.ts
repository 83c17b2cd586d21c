/**
 * The OpenAPI 3.1 document, built from the same zod schemas the server validates with, so the
 * description cannot drift from what is enforced. openapi.test.ts checks every path is routed.
 */
import { z } from 'zod';
import * as s from '@candor/protocol/schemas';
import { PROTOCOL_VERSION } from '@candor/protocol';

const json = (schema: z.ZodType) => ({
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } },
});
const ok = (description: string, schema: z.ZodType) => ({ description, ...json(schema) });
const err = { description: 'Error (see `code`)', ...json(s.errorBody) };
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const cookie = [{ session: [] }];

interface Op {
  /** Unique across the document (Redocly's recommended rules; clients generate method names from it). */
  operationId: string;
  summary: string;
  description?: string;
  body?: z.ZodType;
  ok: [number, string, z.ZodType | null];
  params?: object[];
  public?: boolean;
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
  '/api/v1/conversations': {
    get: {
      operationId: 'listConversations',
      summary: "Conversations of the agent's inboxes (view new | mine | all; status open | resolved)",
      params: [
        { name: 'view', in: 'query', schema: { type: 'string', enum: ['new', 'mine', 'all'] } },
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'resolved'] } },
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
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'candor_session' } } },
    security: cookie,
    paths,
  };
}

/** Documented paths with their methods, for the test that checks each one is routed. */
export const documentedOperations = Object.entries(ops).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => ({ path, method })),
);
