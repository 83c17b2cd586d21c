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
  summary: string;
  body?: z.ZodType;
  ok: [number, string, z.ZodType | null];
  params?: object[];
  public?: boolean;
}

const conversation = z.object({ conversation: s.conversationSchema });
const ops: Record<string, Record<string, Op>> = {
  '/api/v1/auth/login': {
    post: {
      summary: 'Log in; sets the HttpOnly session cookie',
      body: s.loginBody,
      ok: [200, 'Logged in', z.object({ agent: s.agentSchema })],
      public: true,
    },
  },
  '/api/v1/auth/logout': {
    post: { summary: "Log out; closes this session's sockets", ok: [204, 'Logged out', null] },
  },
  '/api/v1/me': {
    get: { summary: 'The logged-in agent', ok: [200, 'The agent', z.object({ agent: s.agentSchema })] },
  },
  '/api/v1/agents': {
    get: { summary: 'List agents', ok: [200, 'Agents', z.object({ agents: z.array(s.agentSchema) })] },
    post: {
      summary: 'Create an agent (admins); a generated password is returned once',
      body: s.createAgentBody,
      ok: [201, 'Created', z.object({ agent: s.agentSchema, password: z.string().optional() })],
    },
  },
  '/api/v1/conversations': {
    get: {
      summary: "Conversations of the agent's inboxes (view new | mine | all; status open | resolved)",
      params: [
        { name: 'view', in: 'query', schema: { type: 'string', enum: ['new', 'mine', 'all'] } },
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'resolved'] } },
      ],
      ok: [200, 'Conversations', z.object({ conversations: z.array(s.conversationSchema) })],
    },
  },
  '/api/v1/conversations/{id}': {
    get: { summary: 'One conversation', params: idParam, ok: [200, 'The conversation', conversation] },
  },
  '/api/v1/conversations/{id}/messages': {
    get: {
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
      summary: 'Send a message (idempotent by clientKey: a repeat returns 200 and the stored message)',
      params: idParam,
      body: s.sendMessageBody,
      ok: [201, 'Stored', z.object({ message: s.messageSchema, conversation: s.conversationSchema })],
    },
  },
  '/api/v1/conversations/{id}/resolve': {
    post: { summary: 'Resolve', params: idParam, ok: [200, 'Resolved', conversation] },
  },
  '/api/v1/conversations/{id}/reopen': {
    post: { summary: 'Reopen', params: idParam, ok: [200, 'Reopened', conversation] },
  },
  '/api/v1/conversations/{id}/assign': {
    post: {
      summary: 'Assign (agentId null unassigns)',
      params: idParam,
      body: z.object({ agentId: z.string().nullable() }),
      ok: [200, 'Assigned', conversation],
    },
  },
  '/api/v1/inboxes': {
    get: {
      summary: 'Inboxes and their typing-preview policy',
      ok: [200, 'Inboxes', z.object({ inboxes: z.array(s.inboxSchema) })],
    },
  },
  '/api/v1/inboxes/{id}': {
    patch: {
      summary: 'Set the typing-preview policy of an inbox (admins)',
      params: idParam,
      body: s.updateInboxBody,
      ok: [200, 'Updated', z.object({ inbox: s.inboxSchema })],
    },
  },
  '/api/v1/redaction-rules': {
    get: {
      summary: "Admins' own redaction rules",
      ok: [200, 'Rules', z.object({ rules: z.array(s.redactionRuleSchema) })],
    },
    post: {
      summary: 'Add a redaction rule (admins); the pattern is checked first',
      body: s.createRedactionRuleBody,
      ok: [201, 'Created', z.object({ rule: s.redactionRuleSchema })],
    },
  },
  '/api/v1/redaction-rules/{id}': {
    delete: { summary: 'Delete a redaction rule (admins)', params: idParam, ok: [204, 'Deleted', null] },
  },
  '/api/v1/redaction-rules/test': {
    post: {
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
      summary: "Whether the widget may chat from the requesting page's Origin (CANDOR_ALLOWED_ORIGINS)",
      ok: [200, 'The answer for this Origin', z.object({ allowed: z.boolean() })],
      public: true,
    },
  },
  '/healthz': {
    get: {
      summary: 'Liveness: 200 once started',
      ok: [200, 'Up', z.object({ status: z.string() })],
      public: true,
    },
  },
  '/readyz': {
    get: {
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
            summary: op.summary,
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
    },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'candor_session' } } },
    security: cookie,
    paths,
  };
}

/** Documented paths with their methods, for the test that checks each one is routed. */
export const documentedOperations = Object.entries(ops).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => ({ path, method })),
);
