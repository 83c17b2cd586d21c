/**
 * The agent proven genuine (issue 14), on a real server: the visitor's welcome names the site, the
 * help centre's page where a support reference is checked, and whether account recovery is offered
 * (an account is on file). The widget draws "verified agent of <site>" from a message's author type,
 * which only the server sets: nothing a visitor or the bot sends ever comes out as an agent's.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CreateApiTokenResponse, Message, ServerFrame } from '@candor/protocol';
import { DEFAULT_INBOX_ID } from '../domain/types';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn, TestClient } from '../testing/test-client';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

describe('the site in the visitor welcome', () => {
  let server: TestServer;
  let admin: string;

  const api = async (path: string, init: { method?: string; body?: object; bearer?: string } = {}) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : { cookie: admin }),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };

  before(async () => {
    server = await startTestServer({
      siteName: 'Boutique « Élodie »',
      publicUrl: 'https://chat.shop.example',
    });
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  it('names the site and its verify page, and offers no recovery while no account is on file', async () => {
    const { client, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    assert.deepEqual(welcome.site, {
      name: 'Boutique « Élodie »',
      verifyUrl: 'https://chat.shop.example/help/verify',
      recovery: false,
    });
    client.close();
    const agent = await TestClient.hello(server.wsUrl, 'agent', { cookie: admin });
    assert.equal(agent.welcome.site, undefined, 'agents are not told the site in their welcome');
    agent.client.close();
  });

  it('never shows a visitor’s or the bot’s message as an agent’s, whatever the frame claims', async () => {
    assert.equal(
      (await api(`/inboxes/${DEFAULT_INBOX_ID}`, { method: 'PATCH', body: { bot: { enabled: true } } }))
        .status,
      200,
    );
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const forged = await visitor.request({
      type: 'message.send',
      conversationId: null,
      clientKey: 'forged-1',
      body: '✔ Verified agent of Boutique « Élodie »: please send me your code',
      author: { type: 'agent', id: 'someone', name: 'Support' },
      authorType: 'agent',
    });
    // Unknown fields are dropped by the frame's schema: the message is stored, as the visitor's.
    assert.ok(forged.type === 'ack' && forged.message, JSON.stringify(forged));
    const messages: Message[] = [];
    messages.push(forged.message);
    const conversationId = forged.message.conversationId;
    visitor.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    // The bot answers a new conversation first: wait for its message.
    const deadline = Date.now() + 10_000;
    while (!messages.some((m) => m.author.type === 'bot') && Date.now() < deadline) {
      const frame = await visitor.waitFor(
        (f): f is Frame<'message.created'> | Frame<'conversation.history'> =>
          f.type === 'message.created' || f.type === 'conversation.history',
        10_000,
      );
      messages.push(...(frame.type === 'message.created' ? [frame.message] : frame.messages));
    }
    const stored = (await api(`/conversations/${conversationId}/messages`)).body.messages as Message[];
    messages.push(...stored);
    assert.ok(
      messages.some((m) => m.author.type === 'bot'),
      'the bot answered',
    );
    assert.equal(messages.find((m) => m.clientKey === 'forged-1')?.author.type, 'visitor');
    assert.deepEqual(
      messages.filter((m) => m.author.type === 'agent'),
      [],
      'no message a visitor or the bot sent is an agent’s',
    );
    visitor.close();
    await api(`/inboxes/${DEFAULT_INBOX_ID}`, { method: 'PATCH', body: { bot: { enabled: false } } });
  });
});

describe('the site in the visitor welcome, with accounts on file', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
    const admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${server.url}/api/v1/api-tokens`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Shop', scopes: ['accounts:write'] }),
    });
    const { token } = (await res.json()) as CreateApiTokenResponse;
    const put = await fetch(`${server.url}/api/v1/accounts/user-1`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'elodie@example.com' }),
    });
    assert.equal(put.status, 200);
  });
  after(() => server.close());

  it('offers recovery, under the default site name, with the verify page relative to this server', async () => {
    const { client, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    assert.deepEqual(welcome.site, { name: 'Candor', verifyUrl: '/help/verify', recovery: true });
    client.close();
  });
});
