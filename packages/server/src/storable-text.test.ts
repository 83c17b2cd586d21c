/**
 * Text a client sends is stored the same way on SQLite and PostgreSQL. PostgreSQL text cannot hold
 * U+0000 (SQLite can): every such text, in a message, a locale, a key, a name or an id, is made storable
 * before it reaches the store (U+0000 reads as U+FFFD, as lone surrogates do), and whatever the store
 * still refuses because of the input is a client error, never `internal` (which clients retry forever).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from './testing/test-server';
import { logIn, TestClient } from './testing/test-client';
import { adminQuery, describeWithPostgres, freshSchema, TEST_DATABASE_URL } from './testing/postgres-test-db';

const NUL = '\u0000';
const CLIENT_ERRORS = new Set([400, 401, 404, 409, 413]);

function storableTextSuite(start: () => Promise<TestServer>) {
  let server: TestServer;
  let cookie: string;
  before(async () => {
    server = await start();
    cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server?.close());

  const rest = (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  it("a visitor's message holding U+0000 is stored, acked and read back with U+FFFD in its place", async () => {
    const { client } = await TestClient.hello(server.wsUrl, 'visitor');
    const clientKey = `key${NUL}${randomUUID()}`;
    const sent = await client.sendMessage(null, `before${NUL}after`, clientKey);
    assert.equal(sent.body, 'before\uFFFDafter');
    const [stored] = await server.store.listMessages(sent.conversationId, 0, 1);
    assert.deepEqual([stored?.body, stored?.clientKey], [sent.body, sent.clientKey]);
    // A retry of the same send finds the stored message instead of failing or storing it twice.
    assert.equal((await client.sendMessage(null, `before${NUL}after`, clientKey)).id, sent.id);
    client.close();
  });

  it('a hello whose locale holds U+0000 is welcomed, and the visitor stored', async () => {
    const client = await TestClient.connect(server.wsUrl, 'visitor');
    client.send({ type: 'hello', protocol: PROTOCOL_VERSION, locale: `fr${NUL}` });
    const welcome = await client.next('welcome');
    assert.ok(welcome.visitor);
    assert.equal((await server.store.findVisitorById(welcome.visitor.id))?.locale, 'fr\uFFFD');
    client.close();
  });

  it("an agent's REST reply holding U+0000 is stored (201), as over WebSocket", async () => {
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const first = await visitor.sendMessage(null, 'Hello');
    const res = await rest(`/api/v1/conversations/${first.conversationId}/messages`, {
      method: 'POST',
      body: { clientKey: randomUUID(), body: `reply${NUL}` },
    });
    assert.equal(res.status, 201);
    const { message } = (await res.json()) as { message: { body: string } };
    assert.equal(message.body, 'reply\uFFFD');
    visitor.close();
  });

  it('ids, seqs and names holding what the store cannot keep get client errors, never internal', async () => {
    const { client } = await TestClient.hello(server.wsUrl, 'visitor');
    for (const frame of [
      { type: 'conversation.subscribe', conversationId: `c${NUL}`, afterSeq: 0 },
      { type: 'conversation.subscribe', conversationId: 'c', afterSeq: Number.MAX_SAFE_INTEGER },
      { type: 'message.send', conversationId: `c${NUL}`, clientKey: randomUUID(), body: 'hi' },
    ]) {
      const reply = await client.request(frame);
      assert.equal(reply.type, 'error', JSON.stringify(frame));
      assert.ok(
        reply.type === 'error' && ['bad_frame', 'not_found'].includes(reply.code),
        JSON.stringify(reply),
      );
    }
    client.close();

    const requests: [string, { method?: string; body?: unknown }][] = [
      ['/api/v1/conversations/c%00', {}],
      ['/api/v1/conversations/c%00/messages', {}],
      ['/api/v1/conversations/c%00/messages', { method: 'POST', body: { clientKey: 'k', body: 'hi' } }],
      ['/api/v1/auth/login', { method: 'POST', body: { email: `a${NUL}@example.test`, password: 'x' } }],
    ];
    for (const [path, init] of requests) {
      const res = await rest(path, init);
      assert.ok(CLIENT_ERRORS.has(res.status), `${init.method ?? 'GET'} ${path}: ${res.status}`);
    }
  });

  it("an agent's name holding U+0000 is stored with U+FFFD in its place", async () => {
    const res = await rest('/api/v1/agents', {
      method: 'POST',
      body: { email: `n${randomUUID().slice(0, 8)}@example.test`, name: `Ann${NUL}e` },
    });
    assert.equal(res.status, 201);
    const { agent } = (await res.json()) as { agent: { id: string } };
    assert.equal((await server.store.findAgentById(agent.id))?.name, 'Ann\uFFFDe');
  });

  it("an admin's redaction rule label holding U+0000 is stored with U+FFFD in its place", async () => {
    const label = `Ticket${NUL}${randomUUID().slice(0, 8)}`;
    const res = await rest('/api/v1/redaction-rules', {
      method: 'POST',
      body: { label, pattern: 'TCK-[0-9]{6}', validator: 'none' },
    });
    assert.equal(res.status, 201);
    const labels = (await server.store.listRedactionRules()).map((r) => r.label);
    assert.ok(labels.includes(label.replace(NUL, '\uFFFD')), JSON.stringify(labels));
  });
}

describe('text holding U+0000, on SQLite', () => storableTextSuite(() => startTestServer()));

describeWithPostgres('text holding U+0000, on PostgreSQL', () => {
  const schema = freshSchema();
  storableTextSuite(() => startTestServer({ databaseUrl: TEST_DATABASE_URL, databaseSchema: schema }));
  after(() => adminQuery(`drop schema if exists ${schema} cascade`));
});
