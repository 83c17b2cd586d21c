/** The same service on PostgreSQL: a visitor and an agent talk, retries store once, data persists. */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ADMIN, startTestServer, type TestServer } from './testing/test-server';
import { logIn, TestClient } from './testing/test-client';
import { adminQuery, describeWithPostgres, freshSchema, TEST_DATABASE_URL } from './testing/postgres-test-db';

describeWithPostgres('Candor on PostgreSQL', () => {
  const schema = freshSchema();
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ databaseUrl: TEST_DATABASE_URL, databaseSchema: schema });
  });
  after(async () => {
    await server?.close();
    await adminQuery(`drop schema if exists ${schema} cascade`);
  });

  it('stores and delivers both ways, once per clientKey, with gapless seqs', async () => {
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const first = await visitor.sendMessage(null, 'Hello from PostgreSQL');
    visitor.send({
      type: 'conversation.subscribe',
      conversationId: first.conversationId,
      afterSeq: first.seq,
    });
    await visitor.next('conversation.history');

    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie });
    const key = randomUUID();
    const replies = await Promise.all(
      [1, 2, 3].map(() => agent.sendMessage(first.conversationId, 'Hi there', key)),
    );
    assert.equal(new Set(replies.map((r) => r.id)).size, 1, 'three sends of one key store one message');
    assert.equal((await visitor.next('message.created')).message.body, 'Hi there');

    const rows = await adminQuery<{ seq: number; body: string }>(
      `select seq, body from ${schema}.messages where conversation_id = $1 order by seq`,
      [first.conversationId],
    );
    assert.deepEqual(rows, [
      { seq: 1, body: 'Hello from PostgreSQL' },
      { seq: 2, body: 'Hi there' },
    ]);
    visitor.close();
    agent.close();
  });
});
