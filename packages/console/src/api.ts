/**
 * The REST calls the console makes; auth rides on the HttpOnly cookie the login sets. Conversation reads
 * and commands go over the socket instead (see live/session.ts), so their REST twins are not wrapped here.
 */
import type {
  OutboxResponse,
  Activity,
  Agent,
  CannedResponse,
  Conversation,
  CreateCannedResponseBody,
  Note,
  AgentPreferences,
  AgentSessionInfo,
  CreateAgentBody,
  ErrorBody,
  ErrorCode,
  Contact,
  Inbox,
  PreviewPolicy,
  UpdateInboxBody,
  Redacted,
  RedactionRule,
  SearchResponse,
  UpdateAgentBody,
} from '@candor/protocol';

export type NewRedactionRule = Omit<RedactionRule, 'id'>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : 'network error');
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return json as T;
  const error = (json as Partial<ErrorBody> | null)?.error;
  // A proxy's HTML error page has no code: fall back on the status so callers can still branch on it.
  const code: ErrorCode = error?.code ?? (res.status === 401 ? 'unauthenticated' : 'internal');
  throw new ApiError(res.status, code, error?.message ?? res.statusText);
}

export const api = {
  /** The development outbox (admins). */
  listOutbox: () => request<OutboxResponse>('GET', '/api/v1/outbox?limit=50'),
  login: (email: string, password: string) =>
    request<{ agent: Agent }>('POST', '/api/v1/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/v1/auth/logout'),
  me: () => request<{ agent: Agent }>('GET', '/api/v1/me'),
  /** Who we are signed in as, or null: 200 either way, so a signed-out load logs no failed request. */
  session: () => request<{ agent: Agent | null }>('GET', '/api/v1/session'),
  listAgents: () => request<{ agents: Agent[] }>('GET', '/api/v1/agents'),
  createAgent: (body: CreateAgentBody) =>
    request<{ agent: Agent; password?: string }>('POST', '/api/v1/agents', body),
  updateAgent: (id: string, change: UpdateAgentBody) =>
    request<{ agent: Agent }>('PATCH', `/api/v1/agents/${encodeURIComponent(id)}`, change),
  /** Generates a new password, returned once; every session of that agent ends. */
  resetAgentPassword: (id: string) =>
    request<{ password: string }>('POST', `/api/v1/agents/${encodeURIComponent(id)}/password`, {}),
  renameMe: (name: string) => request<{ agent: Agent }>('PATCH', '/api/v1/me', { name }),
  changeMyPassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/v1/me/password', { currentPassword, newPassword }),
  myPreferences: () => request<{ preferences: AgentPreferences }>('GET', '/api/v1/me/preferences'),
  setMyPreferences: (preferences: AgentPreferences) =>
    request<{ preferences: AgentPreferences }>('PUT', '/api/v1/me/preferences', preferences),
  listMySessions: () => request<{ sessions: AgentSessionInfo[] }>('GET', '/api/v1/me/sessions'),
  endMySession: (id: string) => request<void>('DELETE', `/api/v1/me/sessions/${encodeURIComponent(id)}`),
  listInboxes: () => request<{ inboxes: Inbox[] }>('GET', '/api/v1/inboxes'),
  setPreviewPolicy: (inboxId: string, previewPolicy: PreviewPolicy) =>
    request<{ inbox: Inbox }>('PATCH', `/api/v1/inboxes/${encodeURIComponent(inboxId)}`, { previewPolicy }),
  /** Pre-chat form and signed identity of an inbox (admins); the secret is written, never read back. */
  updateInbox: (inboxId: string, change: UpdateInboxBody) =>
    request<{ inbox: Inbox }>('PATCH', `/api/v1/inboxes/${encodeURIComponent(inboxId)}`, change),
  /** The contact panel: read over REST, again whenever the socket says the contact changed. */
  contactOf: (conversationId: string) =>
    request<{ contact: Contact }>(
      'GET',
      `/api/v1/conversations/${encodeURIComponent(conversationId)}/contact`,
    ),
  listRedactionRules: () => request<{ rules: RedactionRule[] }>('GET', '/api/v1/redaction-rules'),
  createRedactionRule: (rule: NewRedactionRule) =>
    request<{ rule: RedactionRule }>('POST', '/api/v1/redaction-rules', rule),
  deleteRedactionRule: (id: string) =>
    request<void>('DELETE', `/api/v1/redaction-rules/${encodeURIComponent(id)}`),
  /** The sample masked with the built-in rules plus this one, without saving it. */
  testRedactionRule: (rule: NewRedactionRule, sample: string) =>
    request<Redacted>('POST', '/api/v1/redaction-rules/test', { ...rule, sample }),
  // The agents' tools (notes, trail, tags, canned responses) are REST: nothing of them rides the socket
  // but the live frames of notes, trail lines and tag changes.
  listNotes: (conversationId: string) =>
    request<{ notes: Note[] }>('GET', `/api/v1/conversations/${encodeURIComponent(conversationId)}/notes`),
  addNote: (conversationId: string, body: string) =>
    request<{ note: Note }>('POST', `/api/v1/conversations/${encodeURIComponent(conversationId)}/notes`, {
      body,
    }),
  listActivity: (conversationId: string) =>
    request<{ activity: Activity[] }>(
      'GET',
      `/api/v1/conversations/${encodeURIComponent(conversationId)}/activity`,
    ),
  setTags: (conversationId: string, tags: string[]) =>
    request<{ conversation: Conversation }>(
      'PUT',
      `/api/v1/conversations/${encodeURIComponent(conversationId)}/tags`,
      { tags },
    ),
  listCannedResponses: () =>
    request<{ cannedResponses: CannedResponse[] }>('GET', '/api/v1/canned-responses'),
  createCannedResponse: (body: CreateCannedResponseBody) =>
    request<{ cannedResponse: CannedResponse }>('POST', '/api/v1/canned-responses', body),
  deleteCannedResponse: (id: string) =>
    request<void>('DELETE', `/api/v1/canned-responses/${encodeURIComponent(id)}`),
  /** Full-text search; `params` from search/search-request.ts. */
  search: (params: URLSearchParams) => request<SearchResponse>('GET', `/api/v1/search?${params.toString()}`),
};

/** Whether the cookie still signs us in: false only on a definite 401, errors otherwise (network, 5xx). */
export async function isSignedIn(): Promise<boolean> {
  try {
    return (await api.session()).agent !== null;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return false;
    throw err;
  }
}
