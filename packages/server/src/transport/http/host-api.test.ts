/**
 * The host site's back end on a real server (issue 14): admins create, list and revoke API tokens; a
 * token with `accounts:write` keeps accounts on file; nothing else can.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Account, ApiToken, CreateApiTokenResponse } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn } from '../../testing/test-client';

describe('API tokens and accounts on file', () => {
  let server: TestServer;
  let admin: string;

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  const asAdmin = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { cookie: admin, 'content-type': 'application/json', ...(init.headers as object) },
    });
  const newToken = async (scopes: string[]) => {
    const res = await asAdmin('/api/v1/api-tokens', {
      method: 'POST',
      body: JSON.stringify({ name: 'Shop', scopes }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()) as CreateApiTokenResponse;
  };
  const putAccount = (token: string | undefined, id: string, body: unknown) =>
    fetch(`${server.url}/api/v1/accounts/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('shows a new token once; the list never holds it; a revoked token stops working', async () => {
    const { id, token } = await newToken(['accounts:write']);
    assert.match(token, /^cnd_[A-Za-z0-9_-]{43}$/);
    const listed = (await (await asAdmin('/api/v1/api-tokens')).json()) as { tokens: ApiToken[] };
    const mine = listed.tokens.find((t) => t.id === id);
    assert.deepEqual(mine?.scopes, ['accounts:write']);
    assert.ok(!JSON.stringify(listed).includes(token.slice(4)), 'the list never shows a token');
    assert.equal((await putAccount(token, 'u-1', { email: 'a@example.com' })).status, 200);
    assert.equal((await asAdmin(`/api/v1/api-tokens/${id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await asAdmin(`/api/v1/api-tokens/${id}`, { method: 'DELETE' })).status, 404);
    const refused = await putAccount(token, 'u-1', { email: 'b@example.com' });
    assert.equal(refused.status, 401);
  });

  it('keeps an account on file, replacing a contact without forgetting the old one', async () => {
    const { token } = await newToken(['accounts:write']);
    const id = `user-${randomUUID()}`;
    const first = await putAccount(token, id, {
      email: 'Elodie@Example.com',
      phone: '+33 6 12 34 56 78',
      name: 'Élodie',
    });
    assert.equal(first.status, 200, await first.clone().text());
    const { account } = (await first.json()) as { account: Account };
    assert.deepEqual(
      { ...account, updatedAt: 0 },
      { externalId: id, name: 'Élodie', email: 'elodie@example.com', phone: '+33612345678', updatedAt: 0 },
    );
    await putAccount(token, id, { email: 'new@example.com' });
    const history = await server.store.accountContactHistory(id);
    assert.deepEqual(
      history.filter((h) => h.channel === 'email').map((h) => [h.value, h.replacedAt === null]),
      [
        ['elodie@example.com', false],
        ['new@example.com', true],
      ],
    );
  });

  it('refuses calls without a valid token or the scope, and bad bodies, changing nothing', async () => {
    const { token: readOnly } = await newToken(['conversations:read']);
    const { token } = await newToken(['accounts:write']);
    const id = `user-${randomUUID()}`;
    assert.equal((await putAccount(undefined, id, { email: 'a@example.com' })).status, 401);
    assert.equal((await putAccount('cnd_forged', id, { email: 'a@example.com' })).status, 401);
    assert.equal((await putAccount(readOnly, id, { email: 'a@example.com' })).status, 403);
    // A session cookie is not an API token.
    const withCookie = await fetch(`${server.url}/api/v1/accounts/${id}`, {
      method: 'PUT',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com' }),
    });
    assert.equal(withCookie.status, 401);
    for (const body of [
      { email: 'not-an-email' },
      { phone: '0612345678' },
      { email: 'a@example.com', role: 'admin' },
    ])
      assert.equal((await putAccount(token, id, body)).status, 400, JSON.stringify(body));
    assert.equal((await putAccount(token, 'has space', { email: 'a@example.com' })).status, 400);
    assert.equal(await server.store.findHostAccount(id), undefined);
  });

  it('lets only admins manage tokens, and checks what they ask for', async () => {
    const email = `kim-${randomUUID()}@example.test`;
    const created = await asAdmin('/api/v1/agents', {
      method: 'POST',
      body: JSON.stringify({ email, name: 'Kim' }),
    });
    const { password } = (await created.json()) as { password: string };
    const kim = await logIn(server.url, email, password);
    const asKim = await fetch(`${server.url}/api/v1/api-tokens`, {
      method: 'POST',
      headers: { cookie: kim, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Mine', scopes: ['accounts:write'] }),
    });
    assert.equal(asKim.status, 403);
    assert.equal((await fetch(`${server.url}/api/v1/api-tokens`)).status, 401);
    for (const body of [
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['root'] },
      { name: '', scopes: ['accounts:read'] },
      { name: 'x', scopes: ['accounts:read', 'accounts:read'] },
    ])
      assert.equal(
        (await asAdmin('/api/v1/api-tokens', { method: 'POST', body: JSON.stringify(body) })).status,
        400,
      );
  });
});
