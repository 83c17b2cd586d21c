/**
 * What an admin does once to connect a host site to Candor, done through Candor's REST API with an
 * admin session: an API token for the shop's back end (accounts:write), a webhook to the shop's
 * receiver for recovery decisions, and the default inbox's identity secret. Run again on every start
 * of the example: the token and webhook of the previous run are revoked and deleted first, and the
 * identity secret is replaced (widget tokens signed with the old one are refused from then on).
 */
import { randomBytes } from 'node:crypto';
import type { ApiToken, CreateApiTokenResponse, CreateWebhookResponse, Webhook } from '@candor/protocol';

export const TOKEN_NAME = 'Example shop';

export interface Provisioned {
  apiToken: string;
  webhookSecret: string;
  identitySecret: string;
}

export interface ProvisionOptions {
  candorUrl: string;
  admin: { email: string; password: string };
  /** Where Candor posts webhooks: the shop's receiver. */
  webhookUrl: string;
  inboxId?: string;
}

export async function provisionCandor(o: ProvisionOptions): Promise<Provisioned> {
  const api = await adminApi(o.candorUrl, o.admin);

  const { tokens } = await api<{ tokens: ApiToken[] }>('GET', '/api-tokens');
  for (const t of tokens.filter((t) => t.name === TOKEN_NAME && t.revokedAt === null))
    await api('DELETE', `/api-tokens/${t.id}`);
  const { token: apiToken } = await api<CreateApiTokenResponse>('POST', '/api-tokens', {
    name: TOKEN_NAME,
    scopes: ['accounts:write'],
  });

  const { webhooks } = await api<{ webhooks: Webhook[] }>('GET', '/webhooks');
  for (const w of webhooks.filter((w) => w.url === o.webhookUrl)) await api('DELETE', `/webhooks/${w.id}`);
  const { secret: webhookSecret } = await api<CreateWebhookResponse>('POST', '/webhooks', {
    url: o.webhookUrl,
    events: ['recovery.action.approved', 'recovery.action.refused'],
  });

  const identitySecret = randomBytes(32).toString('base64url');
  await api('PATCH', `/inboxes/${o.inboxId ?? 'default'}`, { identity: { secret: identitySecret } });
  return { apiToken, webhookSecret, identitySecret };
}

/** Approvals need a second person: the demo's supervisor, created once (run again: left as it is). */
export const DEMO_SUPERVISOR = {
  email: 'supervisor@candor.local',
  name: 'Sam Supervisor',
  password: 'example-supervisor-password',
};

export async function ensureDemoSupervisor(
  candorUrl: string,
  admin: { email: string; password: string },
): Promise<void> {
  const api = await adminApi(candorUrl, admin);
  const { agents } = await api<{ agents: Array<{ email?: string }> }>('GET', '/agents');
  if (agents.some((a) => a.email === DEMO_SUPERVISOR.email)) return;
  await api('POST', '/agents', { ...DEMO_SUPERVISOR, role: 'supervisor' });
}

type Api = <T = unknown>(method: string, path: string, body?: object) => Promise<T>;

/** Logs in as the admin and answers a caller of /api/v1 with that session. */
export async function adminApi(candorUrl: string, admin: { email: string; password: string }): Promise<Api> {
  const login = await fetch(`${candorUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (login.status !== 200)
    throw new Error(
      `Logging in to Candor as ${admin.email} failed: HTTP ${login.status} ${await login.text()}`,
    );
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async <T>(method: string, path: string, body?: object): Promise<T> => {
    const res = await fetch(`${candorUrl}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} /api/v1${path}: HTTP ${res.status} ${await res.text()}`);
    const text = await res.text(); // 202 and 204 have no body
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
}
