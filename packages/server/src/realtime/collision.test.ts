/**
 * Collision and read receipts across two nodes (PostgreSQL + Redis): who else is viewing a conversation
 * reaches the other agents, live, whatever node they are on, and never a visitor socket; a viewer whose
 * socket goes is said gone; an agent's read mark reaches the visitor as a read receipt.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerFrame } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn, TestClient } from '../testing/test-client';
import {
  adminQuery,
  describeWithPostgres,
  freshSchema,
  TEST_DATABASE_URL,
} from '../testing/postgres-test-db';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const viewing =
  (agentId: string, value: boolean) =>
  (f: ServerFrame): f is Frame<'viewing.updated'> =>
    f.type === 'viewing.updated' && f.agent.id === agentId && f.viewing === value;

describeWithPostgres('collision across two nodes', () => {
  const schema = freshSchema();
  let a: TestServer;
  let b: TestServer;
  let adminCookie: string;
  let samCookie: string;
  let samId: string;

  before(async () => {
    const shared = {
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      bus: { kind: 'redis' as const, url: REDIS_URL, prefix: schema },
    };
    a = await startTestServer(shared);
    b = await startTestServer(shared);
    adminCookie = await logIn(a.url, ADMIN.email, ADMIN.password);
    const created = await fetch(`${a.url}/api/v1/agents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: adminCookie },
      body: JSON.stringify({ email: 'sam@example.test', name: 'Sam', password: 'sam-password-for-tests' }),
    });
    samId = ((await created.json()) as { agent: { id: string } }).agent.id;
    samCookie = await logIn(b.url, 'sam@example.test', 'sam-password-for-tests');
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await adminQuery(`drop schema if exists ${schema} cascade`);
  });

  async function follow(client: TestClient, conversationId: string): Promise<void> {
    client.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    await client.next('conversation.history');
  }

  it('tells other agents on any node who is viewing and typing, and never the visitor', async () => {
    const { client: visitor } = await TestClient.hello(a.wsUrl, 'visitor');
    const { conversationId } = await visitor.sendMessage(null, 'Two of you answered me last time');
    await follow(visitor, conversationId);

    const { client: admin, welcome } = await TestClient.hello(a.wsUrl, 'agent', { cookie: adminCookie });
    const adminId = welcome.agent!.id;
    await follow(admin, conversationId);
    admin.send({ type: 'conversation.view', conversationId, viewing: true });

    // Sam arrives later, on the other node: the admin already there answers, so Sam sees them at once.
    const { client: sam } = await TestClient.hello(b.wsUrl, 'agent', { cookie: samCookie });
    await follow(sam, conversationId);
    sam.send({ type: 'conversation.view', conversationId, viewing: true });
    const seenBySam = await sam.waitFor(viewing(adminId, true));
    assert.equal(seenBySam.agent.name, 'Admin');
    assert.equal(seenBySam.conversationId, conversationId);
    assert.equal((await admin.waitFor(viewing(samId, true))).agent.name, 'Sam');

    // An agent typing a reply is shown to the other agents too.
    sam.send({ type: 'typing.update', conversationId, typing: true });
    const typing = await admin.waitFor(
      (f): f is Frame<'typing.updated'> => f.type === 'typing.updated' && f.author.id === samId,
    );
    assert.equal(typing.author.type, 'agent');

    // The admin's socket goes (a closed tab): Sam is told they left.
    admin.close();
    await sam.waitFor(viewing(adminId, false));

    // A frame sent after all of the above, from the node where Sam views: once the visitor has it,
    // anything about viewers would have arrived before it.
    await sam.sendMessage(conversationId, 'Only me now.');
    await visitor.waitFor(
      (f): f is Frame<'message.created'> => f.type === 'message.created' && f.message.body === 'Only me now.',
    );
    assert.deepEqual(
      visitor.frames.filter((f) => f.type === 'viewing.updated'),
      [],
      'no viewing frame ever reaches a visitor socket',
    );
    assert.ok(
      sam.frames.every((f) => f.type !== 'viewing.updated' || f.agent.id !== samId),
      'an agent is not told about themselves',
    );

    // A visitor may not claim to be viewing, and an agent must follow the conversation first.
    visitor.send({ type: 'conversation.view', conversationId, viewing: true });
    assert.equal((await visitor.next('error')).code, 'forbidden');
    const { client: stranger } = await TestClient.hello(b.wsUrl, 'agent', { cookie: samCookie });
    stranger.send({ type: 'conversation.view', conversationId, viewing: true });
    assert.equal((await stranger.next('error')).code, 'not_found');
    stranger.close();
    sam.close();
    visitor.close();
  });

  it('gives the visitor a read receipt when an agent reads, live and after a reload', async () => {
    const { client: visitor, welcome } = await TestClient.hello(a.wsUrl, 'visitor');
    const { conversationId } = await visitor.sendMessage(null, 'Anyone there?');
    await visitor.sendMessage(conversationId, 'Hello?');
    await follow(visitor, conversationId);

    const { client: sam } = await TestClient.hello(b.wsUrl, 'agent', { cookie: samCookie });
    await follow(sam, conversationId);
    sam.send({ type: 'conversation.read', conversationId, seq: 2 });
    const receipt = await visitor.next('conversation.seen');
    assert.deepEqual(receipt, { type: 'conversation.seen', conversationId, seq: 2 });
    assert.ok(
      sam.frames.every((f) => f.type !== 'conversation.seen'),
      'the receipt is for the visitor, not agents',
    );

    visitor.close();
    const again = await TestClient.hello(a.wsUrl, 'visitor', { visitorToken: welcome.visitor!.token! });
    assert.equal(again.welcome.conversations[0]?.seenSeq, 2);
    again.client.close();
    sam.close();
  });
});
