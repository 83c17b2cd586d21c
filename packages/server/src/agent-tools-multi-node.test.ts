/**
 * Private notes across two nodes sharing PostgreSQL and Redis: an agent on node B writes a note; an
 * agent following the conversation on node A receives it, the visitor on node A never does, in frames
 * or in history, and the visitor's seqs stay gap-free.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Note } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from './testing/test-server';
import { logIn, TestClient } from './testing/test-client';
import { adminQuery, describeWithPostgres, freshSchema, TEST_DATABASE_URL } from './testing/postgres-test-db';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describeWithPostgres('private notes on two nodes (Redis)', () => {
  const schema = freshSchema();
  let a: TestServer;
  let b: TestServer;
  let cookie: string;
  before(async () => {
    const shared = {
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      bus: { kind: 'redis' as const, url: REDIS_URL, prefix: schema },
    };
    [a, b] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
    cookie = await logIn(b.url, ADMIN.email, ADMIN.password);
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await adminQuery(`drop schema if exists ${schema} cascade`);
  });

  it('reach the agent on the other node and never the visitor there', async () => {
    const { client: visitor, welcome } = await TestClient.hello(a.wsUrl, 'visitor');
    const visitorToken = welcome.visitor?.token;
    assert.ok(visitorToken);
    const { conversationId } = await visitor.sendMessage(null, 'Hello from node A');
    const { client: agentA } = await TestClient.hello(a.wsUrl, 'agent', { cookie });
    for (const c of [visitor, agentA]) {
      c.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
      await c.next('conversation.history');
    }

    const secret = 'Refund approved by finance, do not tell yet';
    const res = await fetch(`${b.url}/api/v1/conversations/${conversationId}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ body: secret }),
    });
    assert.equal(res.status, 201);
    const { note } = (await res.json()) as { note: Note };
    assert.equal((await agentA.next('note.created')).note.id, note.id, 'crossed the bus to node A');
    const resolved = await fetch(`${b.url}/api/v1/conversations/${conversationId}/resolve`, {
      method: 'POST',
      headers: { cookie },
    });
    assert.equal(resolved.status, 200);
    assert.equal((await agentA.next('activity.recorded')).activity.kind, 'resolved');

    // A message sent from node B after the note and the trail line, on the same topic.
    const reply = await fetch(`${b.url}/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ clientKey: 'after-note', body: 'We are on it' }),
    });
    assert.equal(reply.status, 201);
    assert.equal((await visitor.next('message.created')).message.seq, 2, 'no seq taken by the note');
    assert.ok(visitor.frames.every((f) => f.type !== 'note.created' && f.type !== 'activity.recorded'));
    assert.doesNotMatch(JSON.stringify(visitor.frames), /Refund approved/);

    // A fresh socket of the visitor on node B, resuming from nothing: seqs 1, 2 and no note.
    visitor.close();
    const { client: again } = await TestClient.hello(b.wsUrl, 'visitor', { visitorToken });
    again.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    const history = await again.next('conversation.history');
    assert.deepEqual(
      history.messages.map((m) => m.seq),
      [1, 2],
    );
    assert.doesNotMatch(JSON.stringify(again.frames) + JSON.stringify(history), /Refund approved|tags/);
    again.close();
    agentA.close();
  });
});
