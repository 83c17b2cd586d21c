/** The WebSocket front door: who gets in, what is refused, and that refusals never break the server. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { CLOSE_CODES, LIMITS, PROTOCOL_VERSION } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';

describe('WebSocket gateway', () => {
  let server: TestServer;
  let cookie: string;
  /** Error lines the server logged. */
  const errors: string[] = [];
  before(async () => {
    const log = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) });
    server = await startTestServer(
      { allowedOrigins: ['https://shop.example'], maxConnectionsPerIp: 30 },
      log,
    );
    cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  describe('handshake', () => {
    it('refuses the agent socket without a session cookie', async () => {
      await assert.rejects(TestClient.connect(server.wsUrl, 'agent'), /HTTP 401/);
    });

    it('refuses a malformed session cookie with 401, as REST does, and logs no error', async () => {
      for (const bad of ['candor_session=%E0%A4%A', 'candor_session=%', 'candor_session=%zz; other=1']) {
        await assert.rejects(TestClient.connect(server.wsUrl, 'agent', { cookie: bad }), /HTTP 401/);
        const rest = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: bad } });
        assert.equal(rest.status, 401);
      }
      assert.deepEqual(
        errors.filter((e) => e.includes('upgrade failed')),
        [],
      );
    });

    it("refuses the agent socket from another site's page, even with the cookie", async () => {
      await assert.rejects(
        TestClient.connect(server.wsUrl, 'agent', { cookie, origin: 'https://evil.example' }),
        /HTTP 403/,
      );
    });

    it('accepts visitors from configured customer origins and refuses others', async () => {
      const ok = await TestClient.connect(server.wsUrl, 'visitor', { origin: 'https://shop.example' });
      ok.close();
      await assert.rejects(
        TestClient.connect(server.wsUrl, 'visitor', { origin: 'https://evil.example' }),
        /HTTP 403/,
      );
    });

    it('accepts the demo page served by Candor itself', async () => {
      const host = new URL(server.url).host;
      const client = await TestClient.connect(server.wsUrl, 'visitor', { origin: `http://${host}` });
      client.close();
    });

    it('closes a client that speaks another protocol version', async () => {
      const client = await TestClient.connect(server.wsUrl, 'visitor');
      client.send({ type: 'hello', protocol: PROTOCOL_VERSION + 1 });
      assert.equal((await client.next('error')).code, 'unsupported_version');
      assert.equal(await client.closed(), CLOSE_CODES.unsupportedVersion);
    });
  });

  describe('bad input gets a clear error and changes nothing', () => {
    it('answers commands before hello with not_ready', async () => {
      const client = await TestClient.connect(server.wsUrl, 'visitor');
      const reply = await client.request({
        type: 'message.send',
        conversationId: null,
        clientKey: 'k',
        body: 'x',
      });
      assert.equal(reply.type === 'error' && reply.code, 'not_ready');
      client.close();
    });

    it('answers non-JSON, unknown types and wrong fields with bad_frame, and stays open', async () => {
      const { client } = await TestClient.hello(server.wsUrl, 'visitor');
      client.ws.send('not json');
      assert.equal((await client.next('error')).code, 'bad_frame');
      const unknown = await client.request({ type: 'shout' });
      assert.equal(unknown.type === 'error' && unknown.code, 'bad_frame');
      const wrong = await client.request({
        type: 'message.send',
        conversationId: null,
        clientKey: 42,
        body: 'x',
      });
      assert.equal(wrong.type === 'error' && wrong.code, 'bad_frame');
      assert.match(wrong.type === 'error' ? wrong.message : '', /clientKey/);
      await client.sendMessage(null, 'still works');
      client.close();
    });

    it('refuses empty and over-long messages without storing anything', async () => {
      const { client, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
      const empty = await client.request({
        type: 'message.send',
        conversationId: null,
        clientKey: randomUUID(),
        body: '   ',
      });
      assert.equal(empty.type === 'error' && empty.code, 'bad_frame');
      const long = 'x'.repeat(LIMITS.messageBodyMax + 1);
      const tooLong = await client.request({
        type: 'message.send',
        conversationId: null,
        clientKey: randomUUID(),
        body: long,
      });
      assert.equal(tooLong.type === 'error' && tooLong.code, 'too_large');
      assert.equal((await server.store.listVisitorConversations(welcome.visitor!.id, 5)).length, 0);
      client.close();
    });

    it('closes a socket sending a frame over the payload limit (1009), and the server carries on', async () => {
      const { client } = await TestClient.hello(server.wsUrl, 'visitor');
      client.ws.send('x'.repeat(LIMITS.frameBytesMax + 1));
      assert.equal(await client.closed(), CLOSE_CODES.tooBig);
      const { client: other } = await TestClient.hello(server.wsUrl, 'visitor');
      await other.sendMessage(null, 'unaffected');
      other.close();
    });
  });

  describe('authorisation on every frame', () => {
    it("a visitor can neither read nor write another visitor's conversation", async () => {
      const { client: alice } = await TestClient.hello(server.wsUrl, 'visitor');
      const secret = await alice.sendMessage(null, 'my private question');
      // Alice writes into it by id too, so the server knows whose it is without reading it again.
      await alice.sendMessage(secret.conversationId, 'more detail');
      const { client: mallory } = await TestClient.hello(server.wsUrl, 'visitor');
      const read = await mallory.request({
        type: 'conversation.subscribe',
        conversationId: secret.conversationId,
        afterSeq: 0,
      });
      assert.equal(read.type === 'error' && read.code, 'not_found');
      const write = await mallory.request({
        type: 'message.send',
        conversationId: secret.conversationId,
        clientKey: randomUUID(),
        body: 'injected',
      });
      assert.equal(write.type === 'error' && write.code, 'not_found');
      mallory.send({ type: 'typing.update', conversationId: secret.conversationId, typing: true }); // no ack, no ref
      assert.equal((await mallory.next('error')).code, 'not_found');
      const resolve = await mallory.request({
        type: 'conversation.resolve',
        conversationId: secret.conversationId,
      });
      assert.equal(resolve.type === 'error' && resolve.code, 'not_found');
      assert.deepEqual(
        (await server.store.listMessages(secret.conversationId, 0, 10)).map((m) => m.body),
        ['my private question', 'more detail'],
      );
      alice.close();
      mallory.close();
    });

    it('a visitor cannot resolve their conversation or open an agent inbox', async () => {
      const { client } = await TestClient.hello(server.wsUrl, 'visitor');
      const mine = await client.sendMessage(null, 'hello');
      const resolve = await client.request({
        type: 'conversation.resolve',
        conversationId: mine.conversationId,
      });
      assert.equal(resolve.type === 'error' && resolve.code, 'forbidden');
      const inbox = await client.request({ type: 'inbox.subscribe' });
      assert.equal(inbox.type === 'error' && inbox.code, 'forbidden');
      client.close();
    });
  });

  describe('limits', () => {
    it('refuses a flood with rate_limited errors, then closes the socket (4008); others are unaffected', async () => {
      const { client } = await TestClient.hello(server.wsUrl, 'visitor');
      const mine = await client.sendMessage(null, 'hello');
      client.send({ type: 'conversation.subscribe', conversationId: mine.conversationId, afterSeq: 0 });
      await client.next('conversation.history');
      for (let i = 0; i < 200; i++)
        client.send({ type: 'typing.update', conversationId: mine.conversationId, typing: true });
      assert.equal(await client.closed(), CLOSE_CODES.rateLimited);
      assert.ok(client.frames.some((f) => f.type === 'error' && f.code === 'rate_limited'));
      const { client: other } = await TestClient.hello(server.wsUrl, 'visitor');
      await other.sendMessage(null, 'unaffected');
      other.close();
    });

    it('refuses connections past the per-IP limit with 429', async () => {
      const small = await startTestServer({ maxConnectionsPerIp: 2 });
      try {
        const a = await TestClient.connect(small.wsUrl, 'visitor');
        const b = await TestClient.connect(small.wsUrl, 'visitor');
        await assert.rejects(TestClient.connect(small.wsUrl, 'visitor'), /HTTP 429/);
        a.close();
        await a.closed();
        const c = await TestClient.connect(small.wsUrl, 'visitor'); // a slot was freed
        b.close();
        c.close();
      } finally {
        await small.close();
      }
    });
  });

  it("logging out closes that session's sockets with 4003", async () => {
    const session = await logIn(server.url, ADMIN.email, ADMIN.password);
    const { client } = await TestClient.hello(server.wsUrl, 'agent', { cookie: session });
    const res = await fetch(`${server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: session },
    });
    assert.equal(res.status, 204);
    assert.equal(await client.closed(), CLOSE_CODES.loggedOut);
    await assert.rejects(TestClient.connect(server.wsUrl, 'agent', { cookie: session }), /HTTP 401/);
  });
});
