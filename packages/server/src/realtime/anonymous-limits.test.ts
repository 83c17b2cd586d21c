/**
 * New visitors and new conversations per address and per minute, through a real server: over the
 * limit the widget is told rate_limited with when to retry, and nothing is created. Visitors who come
 * back with their token, and messages in a conversation already open, are never counted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLOSE_CODES, PROTOCOL_VERSION } from '@candor/protocol';
import { startTestServer, type TestServer } from '../testing/test-server';
import { TestClient } from '../testing/test-client';
import {
  adminQuery,
  describeWithPostgres,
  freshSchema,
  TEST_DATABASE_URL,
} from '../testing/postgres-test-db';

/** A hello without a token, answered by a welcome or refused: the first frame back, and the close code. */
async function newVisitor(server: TestServer) {
  const client = await TestClient.connect(server.wsUrl, 'visitor');
  client.send({ type: 'hello', protocol: PROTOCOL_VERSION });
  const first = await client.waitFor((f): f is typeof f => f.type === 'welcome' || f.type === 'error');
  return { client, first };
}

describe('new visitors per address', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      anonymousRates: { newVisitorsPerMinute: 3, newConversationsPerMinute: 100 },
    });
  });
  after(() => server.close());

  it('over the limit, the hello gets rate_limited with retryAfterMs and the socket closes with 4008', async () => {
    const welcomed = [];
    for (let i = 0; i < 3; i++) {
      const { client, first } = await newVisitor(server);
      assert.equal(first.type, 'welcome');
      welcomed.push({ client, token: first.type === 'welcome' ? first.visitor?.token : undefined });
    }
    const { client, first } = await newVisitor(server);
    assert.equal(first.type, 'error');
    assert.ok(first.type === 'error');
    assert.equal(first.code, 'rate_limited');
    assert.equal('ref' in first, false);
    assert.ok(first.retryAfterMs !== undefined && first.retryAfterMs > 0 && first.retryAfterMs <= 60_000);
    assert.match(first.message, /try again/);
    assert.equal(await client.closed(), CLOSE_CODES.rateLimited);

    // Coming back with a token is never counted, however many times.
    for (const { client: old, token: first } of welcomed) {
      old.close();
      let token = first;
      let visitorId: string | undefined;
      for (let i = 0; i < 4; i++) {
        assert.ok(token);
        const { client: again, welcome } = await TestClient.hello(server.wsUrl, 'visitor', {
          visitorToken: token,
        });
        visitorId ??= welcome.visitor?.id;
        assert.equal(welcome.visitor?.id, visitorId, 'the same visitor, resumed (its token rotated)');
        token = welcome.visitor?.token;
        again.close();
      }
    }
  });
});

describe('new conversations per address', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      anonymousRates: { newVisitorsPerMinute: 100, newConversationsPerMinute: 2 },
    });
  });
  after(() => server.close());

  it('over the limit, the first message.send gets rate_limited with its ref, and nothing is stored', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => TestClient.hello(server.wsUrl, 'visitor')));
    const first = await a!.client.sendMessage(null, 'hello from a');
    await b!.client.sendMessage(null, 'hello from b');
    const before = await server.store.countConversations({ inboxIds: ['default'] });

    const refused = await c!.client.request({
      type: 'message.send',
      conversationId: null,
      clientKey: 'k-c-1',
      body: 'hello from c',
    });
    assert.equal(refused.type, 'error');
    assert.ok(refused.type === 'error');
    assert.equal(refused.code, 'rate_limited');
    assert.ok(refused.ref);
    assert.ok(refused.retryAfterMs !== undefined && refused.retryAfterMs > 0);
    assert.equal(await server.store.countConversations({ inboxIds: ['default'] }), before, 'nothing stored');
    assert.deepEqual(await server.store.listVisitorConversations(c!.welcome.visitor!.id, 5), []);

    // Writing on in a conversation already open is not starting one.
    const more = await a!.client.sendMessage(null, 'and more from a');
    assert.equal(more.conversationId, first.conversationId);
    for (const v of [a, b, c]) v!.client.close();
  });
});

describeWithPostgres('new visitors per address, on two nodes', () => {
  const schema = freshSchema();
  let nodes: TestServer[] = [];
  before(async () => {
    const shared = {
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      anonymousRates: { newVisitorsPerMinute: 4, newConversationsPerMinute: 100 },
    };
    nodes = await Promise.all([startTestServer(shared), startTestServer(shared)]);
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.close()));
    await adminQuery(`drop schema if exists ${schema} cascade`);
  });

  it('are counted across nodes: the limit holds however they are spread', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) {
      const { client, first } = await newVisitor(nodes[i % 2]!);
      answers.push(first.type === 'error' ? first.code : first.type);
      client.close();
    }
    assert.deepEqual(answers, ['welcome', 'welcome', 'welcome', 'welcome', 'rate_limited', 'rate_limited']);
  });
});
