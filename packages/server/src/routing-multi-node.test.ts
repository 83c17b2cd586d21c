/**
 * Routing on two nodes sharing PostgreSQL and Redis: 200 visitors start conversations at once, half on
 * each node, with 5 agents of capacity 3 online: none is assigned twice, no agent goes past 3, the rest
 * wait in order and a waiting visitor is told their position. A transfer's note reaches agents only.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ServerFrame } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from './testing/test-server';
import { logIn, TestClient } from './testing/test-client';
import { adminQuery, describeWithPostgres, freshSchema, TEST_DATABASE_URL } from './testing/postgres-test-db';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const AGENTS = 5;
const CAPACITY = 3;
const VISITORS = 200;

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

async function api(base: string, cookie: string, request: { method: string; path: string; body?: object }) {
  const { method, path, body } = request;
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

/** message.send with a generous deadline: 200 at once on a shared test machine take a while. */
async function startConversation(client: TestClient, body: string) {
  const ref = randomUUID();
  client.send({ type: 'message.send', conversationId: null, clientKey: randomUUID(), body, ref });
  const ack = await client.waitFor((f): f is Frame<'ack'> => f.type === 'ack' && f.ref === ref, 60_000);
  return ack.message!;
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeWithPostgres('routing on two nodes', () => {
  const schema = freshSchema();
  let a: TestServer;
  let b: TestServer;
  let admin: string;
  const agents: { id: string; cookie: string; socket: TestClient }[] = [];

  before(async () => {
    const shared = {
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      bus: { kind: 'redis' as const, url: REDIS_URL, prefix: schema },
      maxConnectionsPerIp: 1000,
      autoAssign: true,
      frameRate: { perSecond: 1000, burst: 1000 },
    };
    [a, b] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
    admin = await logIn(a.url, ADMIN.email, ADMIN.password);
    const me = await api(a.url, admin, { method: 'GET', path: '/api/v1/me' });
    const adminId = (me.body.agent as { id: string }).id;
    // The admin watches; only the five agents take conversations.
    assert.equal(
      (
        await api(a.url, admin, {
          method: 'PATCH',
          path: `/api/v1/routing/agents/${adminId}`,
          body: { status: 'offline' },
        })
      ).status,
      200,
    );
    for (let i = 0; i < AGENTS; i++) {
      const email = `agent${i}@example.test`;
      const password = 'agent-password-for-tests';
      const created = await api(a.url, admin, {
        method: 'POST',
        path: '/api/v1/agents',
        body: {
          email,
          name: `Agent ${i}`,
          password,
        },
      });
      const id = (created.body.agent as { id: string }).id;
      const set = await api(b.url, admin, {
        method: 'PATCH',
        path: `/api/v1/routing/agents/${id}`,
        body: { capacity: CAPACITY },
      });
      assert.equal(set.status, 200);
      const node = i % 2 === 0 ? a : b;
      const cookie = await logIn(node.url, email, password);
      const { client } = await TestClient.hello(node.wsUrl, 'agent', { cookie });
      client.send({ type: 'inbox.subscribe' });
      await client.next('inbox.snapshot');
      agents.push({ id, cookie, socket: client });
    }
    // Online on the store, seen from both nodes, before any visitor arrives.
    await until(async () => {
      const { body } = await api(b.url, admin, { method: 'GET', path: '/api/v1/routing/agents' });
      const list = body.agents as { agentId: string; effectiveStatus: string }[];
      return agents.every((x) => list.find((l) => l.agentId === x.id)?.effectiveStatus === 'online');
    });
  });
  after(async () => {
    for (const x of agents) x.socket.close();
    await Promise.all([a?.close(), b?.close()]);
    await adminQuery(`drop schema if exists ${schema} cascade`);
  });

  it(`${VISITORS} conversations at once: none assigned twice, none past capacity, the rest queued in order`, async () => {
    // Visitors connect a few at a time (hello is not under test); then all of them write at once.
    const visitors: { client: TestClient }[] = [];
    for (let i = 0; i < VISITORS; i += 20) {
      const batch = Array.from({ length: 20 }, (_, j) =>
        TestClient.hello((i + j) % 2 === 0 ? a.wsUrl : b.wsUrl, 'visitor'),
      );
      visitors.push(...(await Promise.all(batch)));
    }
    const started = await Promise.all(
      visitors.map(({ client }, i) => startConversation(client, `hello ${i}`)),
    );
    const ids = new Set(started.map((m) => m.conversationId));
    assert.equal(ids.size, VISITORS);

    const assignedRows = () =>
      adminQuery<{ id: string; assignee_id: string }>(
        `select id, assignee_id from ${schema}.conversations where assignee_id is not null and status = 'open'`,
      );
    await until(async () => (await assignedRows()).length === AGENTS * CAPACITY);
    // Passes still queued on either node change nothing more.
    await new Promise((r) => setTimeout(r, 500));
    const assigned = await assignedRows();
    assert.equal(assigned.length, AGENTS * CAPACITY);
    const perAgent = new Map<string, number>();
    for (const row of assigned) perAgent.set(row.assignee_id, (perAgent.get(row.assignee_id) ?? 0) + 1);
    for (const x of agents)
      assert.equal(perAgent.get(x.id), CAPACITY, 'each agent at capacity, none past it');

    // Each assignment was made once: one router event per conversation, as any agent socket saw them.
    const watcher = agents[0]!.socket;
    await until(
      () =>
        Promise.resolve(
          watcher.frames.filter((f) => f.type === 'conversation.assigned').length >= AGENTS * CAPACITY,
        ),
      5000,
    );
    await new Promise((r) => setTimeout(r, 300));
    const events = watcher.frames.filter(
      (f): f is Frame<'conversation.assigned'> => f.type === 'conversation.assigned',
    );
    assert.equal(events.length, AGENTS * CAPACITY);
    assert.equal(new Set(events.map((e) => e.conversationId)).size, AGENTS * CAPACITY, 'none assigned twice');
    assert.ok(events.every((e) => e.byAgentId === null));
    const waits = await adminQuery<{ n: string }>(`select count(*) as n from ${schema}.routing_waits`);
    assert.equal(Number(waits[0]?.n), AGENTS * CAPACITY);

    // The rest waits in order: longest waiting first, each conversation once.
    const { body } = await api(a.url, admin, { method: 'GET', path: '/api/v1/inboxes/default/queue' });
    const queue = body.queue as {
      entries: { conversationId: string; position: number; waitingSince: number }[];
    };
    assert.equal(queue.entries.length, VISITORS - AGENTS * CAPACITY);
    const assignedIds = new Set(assigned.map((r) => r.id));
    assert.ok(queue.entries.every((e) => ids.has(e.conversationId) && !assignedIds.has(e.conversationId)));
    queue.entries.forEach((e, i) => {
      assert.equal(e.position, i + 1);
      if (i > 0) assert.ok(e.waitingSince >= queue.entries[i - 1]!.waitingSince, 'longest waiting first');
    });

    // A waiting visitor is told where they stand, on whichever node they are.
    const last = queue.entries.at(-1)!;
    const index = started.findIndex((m) => m.conversationId === last.conversationId);
    const visitor = visitors[index]!.client;
    visitor.send({ type: 'conversation.subscribe', conversationId: last.conversationId, afterSeq: 0 });
    await visitor.next('conversation.history');
    const told = await visitor.next('queue.position');
    assert.equal(told.position, last.position);

    // An agent resolving one frees a slot: the first in the queue is given to them, and everyone moves up.
    const resolver = agents[1]!;
    const mine = assigned.find((r) => r.assignee_id === resolver.id)!;
    const first = queue.entries[0]!;
    assert.equal(
      (
        await api(b.url, resolver.cookie, {
          method: 'POST',
          path: `/api/v1/conversations/${mine.id}/resolve`,
        })
      ).status,
      200,
    );
    await until(async () => {
      const rows = await adminQuery<{ assignee_id: string | null }>(
        `select assignee_id from ${schema}.conversations where id = $1`,
        [first.conversationId],
      );
      return rows[0]?.assignee_id === resolver.id;
    }, 10_000);
    const moved = await visitor.waitFor(
      (f): f is Frame<'queue.position'> => f.type === 'queue.position' && f.position === last.position - 1,
      10_000,
    );
    assert.equal(moved.conversationId, last.conversationId);
    for (const { client } of visitors) client.close();
  });

  it("a transfer's note reaches agents on both nodes, never the visitor, who sees a neutral line", async () => {
    const [from, to] = [agents[2]!, agents[3]!];
    // Room for one more: the next conversation routed goes to whoever has it.
    const { client: visitor } = await TestClient.hello(b.wsUrl, 'visitor');
    const started = await visitor.sendMessage(null, 'please transfer me');
    const conversationId = started.conversationId;
    visitor.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    await visitor.next('conversation.history');
    await adminQuery(`update ${schema}.conversations set assignee_id = $1 where id = $2`, [
      from.id,
      conversationId,
    ]);
    const note = 'NOTE-canary-refund-approved-by-manager';
    const res = await api(a.url, from.cookie, {
      method: 'POST',
      path: `/api/v1/conversations/${conversationId}/transfer`,
      body: {
        toAgentId: to.id,
        note,
      },
    });
    assert.equal(res.status, 200);
    assert.equal((res.body.conversation as { assigneeId: string }).assigneeId, to.id);
    const seen = await to.socket.waitFor(
      (f): f is Frame<'conversation.transferred'> =>
        f.type === 'conversation.transferred' && f.conversationId === conversationId,
    );
    assert.equal(seen.note, note);
    assert.equal(seen.fromAgentId, from.id);
    assert.equal(seen.byAgentId, from.id);
    const other = agents[0]!.socket; // on node A
    assert.equal(
      (
        await other.waitFor(
          (f): f is Frame<'conversation.transferred'> =>
            f.type === 'conversation.transferred' && f.conversationId === conversationId,
        )
      ).note,
      note,
    );
    const neutral = await visitor.next('conversation.handed_over');
    assert.equal(neutral.conversationId, conversationId);
    await new Promise((r) => setTimeout(r, 300));
    const raw = JSON.stringify(visitor.frames);
    assert.equal(raw.includes(note), false, 'the note never reaches the visitor socket');
    assert.equal(raw.includes('conversation.transferred'), false);
    // Nor the visitor's view of their conversations on a new socket.
    const { welcome } = await TestClient.hello(a.wsUrl, 'visitor');
    assert.equal(JSON.stringify(welcome).includes(note), false);
    visitor.close();
  });
});
