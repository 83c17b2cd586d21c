/** The REST API as an integrator or the console uses it, against a real server. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';
import { documentedOperations } from './openapi';

describe('REST API', () => {
  let server: TestServer;
  let admin: string;
  const api = (path: string, init: RequestInit & { cookie?: string } = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  it('refuses a wrong password with 401 and the same message as an unknown email', async () => {
    const wrong = await api('/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: ADMIN.email, password: 'nope-nope-nope' }),
    });
    const unknown = await api('/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'who@example.test', password: 'nope-nope-nope' }),
    });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(await wrong.json(), await unknown.json());
  });

  it('sets an HttpOnly, SameSite=Strict session cookie and answers /me with it', async () => {
    const res = await api('/api/v1/auth/login', { method: 'POST', body: JSON.stringify(ADMIN) });
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const me = (await (await api('/api/v1/me', { cookie: cookie.split(';')[0] })).json()) as {
      agent: Record<string, unknown>;
    };
    assert.equal(me.agent.email, ADMIN.email);
    assert.equal('passwordHash' in me.agent, false, 'no password hash ever leaves the server');
    assert.equal((await api('/api/v1/me')).status, 401);
  });

  it('lets an admin create an agent with a generated password shown once; agents cannot create agents', async () => {
    const res = await api('/api/v1/agents', {
      method: 'POST',
      cookie: admin,
      body: JSON.stringify({ email: 'Sam@Example.test', name: 'Sam' }),
    });
    assert.equal(res.status, 201);
    const created = (await res.json()) as { agent: { email: string; role: string }; password: string };
    assert.equal(created.agent.email, 'sam@example.test');
    assert.equal(created.agent.role, 'agent');
    assert.ok(created.password.length >= 24);

    const sam = await logIn(server.url, 'sam@example.test', created.password);
    const denied = await api('/api/v1/agents', {
      method: 'POST',
      cookie: sam,
      body: JSON.stringify({ email: 'x@example.test', name: 'X' }),
    });
    assert.equal(denied.status, 403);
    const again = await api('/api/v1/agents', {
      method: 'POST',
      cookie: admin,
      body: JSON.stringify({ email: 'sam@example.test', name: 'Sam 2' }),
    });
    assert.equal(again.status, 409);
  });

  it('refuses state changes from another site even with a valid cookie', async () => {
    const res = await api('/api/v1/agents', {
      method: 'POST',
      cookie: admin,
      headers: { origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'evil@example.test', name: 'Evil' }),
    });
    assert.equal(res.status, 403);
  });

  it('answers invalid bodies with 400 and a readable reason', async () => {
    const res = await api('/api/v1/agents', {
      method: 'POST',
      cookie: admin,
      body: '{"email": "not-an-email", "name": ""}',
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'bad_frame');
    assert.match(body.error.message, /email|name/);
  });

  it('lists, reads and replies to conversations; a repeated clientKey returns the stored message', async () => {
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const first = await visitor.sendMessage(null, 'Do you ship to Canada?');
    visitor.send({
      type: 'conversation.subscribe',
      conversationId: first.conversationId,
      afterSeq: first.seq,
    });
    await visitor.next('conversation.history');
    const list = (await (await api('/api/v1/conversations?view=new', { cookie: admin })).json()) as {
      conversations: { id: string }[];
    };
    assert.ok(list.conversations.some((c) => c.id === first.conversationId));

    const clientKey = randomUUID();
    const send = () =>
      api(`/api/v1/conversations/${first.conversationId}/messages`, {
        method: 'POST',
        cookie: admin,
        body: JSON.stringify({ clientKey, body: 'Yes, we do.' }),
      });
    assert.equal((await send()).status, 201);
    assert.equal((await send()).status, 200);
    const page = (await (
      await api(`/api/v1/conversations/${first.conversationId}/messages?after=0`, { cookie: admin })
    ).json()) as {
      messages: { body: string }[];
    };
    assert.deepEqual(
      page.messages.map((m) => m.body),
      ['Do you ship to Canada?', 'Yes, we do.'],
    );
    assert.equal((await visitor.next('message.created')).message.body, 'Yes, we do.');

    const resolved = await api(`/api/v1/conversations/${first.conversationId}/resolve`, {
      method: 'POST',
      cookie: admin,
    });
    assert.equal(
      ((await resolved.json()) as { conversation: { status: string } }).conversation.status,
      'resolved',
    );
    assert.equal((await api(`/api/v1/conversations/${randomUUID()}`, { cookie: admin })).status, 404);
    visitor.close();
  });

  it('serves an OpenAPI 3.1 document whose every operation is routed', async () => {
    const doc = (await (await api('/openapi.json')).json()) as { openapi: string };
    assert.equal(doc.openapi, '3.1.0');
    for (const { path, method } of documentedOperations) {
      const res = await api(path.replace('{id}', randomUUID()), {
        method: method.toUpperCase(),
        cookie: admin,
        body: method === 'get' ? null : '{}',
      });
      const body = res.status === 404 ? ((await res.json()) as { error: { message: string } }) : undefined;
      assert.notEqual(body?.error.message, 'No such route.', `${method} ${path} is routed`);
    }
  });

  it('serves the demo shop with the widget embedded by one script tag, and the console', async () => {
    const shop = await (await api('/')).text();
    assert.match(shop, /<script src="\/widget\.js" async><\/script>/);
    const consolePage = await api('/console');
    assert.match(consolePage.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  });

  it('answers /healthz and /readyz', async () => {
    assert.equal((await api('/healthz')).status, 200);
    assert.equal((await api('/readyz')).status, 200);
  });
});
