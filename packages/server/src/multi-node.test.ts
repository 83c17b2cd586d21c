/**
 * Two Candor nodes sharing PostgreSQL and a bus (Redis, then NATS): a visitor on node A and an agent on
 * node B see each other's messages, typing, drafts and inbox changes; a client that reconnects to the
 * other node resumes by seq with no gap and no duplicate. Nothing from the bus is stored twice.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { CLOSE_CODES, type ServerFrame } from '@candor/protocol';
import { Redis } from 'ioredis';
import { connect as connectNats } from '@nats-io/transport-node';
import type { BusConfig } from './config';
import { ADMIN, startTestServer, type TestServer } from './testing/test-server';
import { logIn, TestClient } from './testing/test-client';
import { adminQuery, describeWithPostgres, freshSchema, TEST_DATABASE_URL } from './testing/postgres-test-db';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** Records every byte crossing the bus: Redis MONITOR, or a NATS wildcard subscriber. */
interface Sniffer {
  captured(): string;
  stop(): Promise<void>;
}

async function sniffRedis(): Promise<Sniffer> {
  const client = new Redis(REDIS_URL, { lazyConnect: true });
  await client.connect();
  const monitor = await client.monitor();
  let captured = '';
  monitor.on('monitor', (_time: string, args: string[]) => (captured += args.join(' ')));
  return {
    captured: () => captured,
    stop: () => {
      monitor.disconnect();
      client.disconnect();
      return Promise.resolve();
    },
  };
}

async function sniffNats(prefix: string): Promise<Sniffer> {
  const nc = await connectNats({ servers: NATS_URL });
  let captured = '';
  nc.subscribe(`${prefix}.>`, {
    callback: (_err, msg) => {
      captured += msg.string();
    },
  });
  await nc.flush();
  return { captured: () => captured, stop: () => nc.close() };
}

const buses: [string, (prefix: string) => BusConfig, (prefix: string) => Promise<Sniffer>][] = [
  ['Redis', (prefix) => ({ kind: 'redis', url: REDIS_URL, prefix }), () => sniffRedis()],
  ['NATS', (prefix) => ({ kind: 'nats', servers: [NATS_URL], prefix }), sniffNats],
];

const shortBeat = 200;

describeWithPostgres('two nodes', () => {
  for (const [name, busConfig, sniff] of buses) {
    describe(`over ${name}`, () => {
      const schema = freshSchema();
      let a: TestServer;
      let b: TestServer;
      let cookie: string;
      before(async () => {
        const shared = {
          databaseUrl: TEST_DATABASE_URL,
          databaseSchema: schema,
          bus: busConfig(schema),
          frameRate: { perSecond: 5000, burst: 5000 }, // the canary test types fast
        };
        // Node A's heartbeat is too slow to matter in a test: what closes sockets there is the bus.
        // Node B checks its agents' sessions every shortBeat ms: that is how expiry is seen.
        [a, b] = await Promise.all([
          startTestServer({ ...shared, heartbeatMs: 60_000 }),
          startTestServer({ ...shared, heartbeatMs: shortBeat }),
        ]); // racing migrations and admin
        cookie = await logIn(b.url, ADMIN.email, ADMIN.password);
      });
      after(async () => {
        await Promise.all([a?.close(), b?.close()]);
        await adminQuery(`drop schema if exists ${schema} cascade`);
      });

      it('a visitor on node A and an agent on node B talk both ways, with typing and drafts', async () => {
        const { client: agent } = await TestClient.hello(b.wsUrl, 'agent', { cookie });
        agent.send({ type: 'inbox.subscribe' });
        await agent.next('inbox.snapshot');
        const { client: visitor } = await TestClient.hello(a.wsUrl, 'visitor');
        const first = await visitor.sendMessage(null, 'Hello from node A');
        const { conversationId } = first;
        assert.equal((await agent.next('conversation.updated')).conversation.id, conversationId);

        for (const c of [visitor, agent]) {
          c.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
          await c.next('conversation.history');
        }
        await agent.sendMessage(conversationId, 'Hello from node B');
        assert.equal((await visitor.next('message.created')).message.body, 'Hello from node B');

        visitor.send({ type: 'typing.update', conversationId, typing: true });
        assert.equal((await agent.next('typing.updated')).author.type, 'visitor');

        await visitor.request({ type: 'preview.set', conversationId, enabled: true, noticeShown: true });
        visitor.send({ type: 'draft.update', conversationId, text: 'typed on A' });
        const draft = await agent.waitFor(
          (f): f is Extract<ServerFrame, { type: 'draft.updated' }> => f.type === 'draft.updated',
        );
        assert.equal(draft.text, 'typed on A');
        // An admin opening the conversation on node B mid-draft is shown it from node A at once.
        const { client: late } = await TestClient.hello(b.wsUrl, 'agent', { cookie });
        late.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
        await late.next('conversation.history');
        const shown = await late.waitFor(
          (f): f is Extract<ServerFrame, { type: 'draft.updated' }> => f.type === 'draft.updated',
        );
        assert.equal(shown.text, 'typed on A');
        late.close();

        const rows = await adminQuery<{ n: string }>(
          `select count(*) as n from ${schema}.messages where conversation_id = $1`,
          [conversationId],
        );
        assert.equal(Number(rows[0]?.n), 2, 'each message stored once, whatever crossed the bus');
        visitor.close();
        agent.close();
      });

      it('an admin on node B tightening the preview policy tells a visitor on node A at once', async () => {
        const { client: visitor } = await TestClient.hello(a.wsUrl, 'visitor');
        const { conversationId } = await visitor.sendMessage(null, 'Hello from node A');
        visitor.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
        await visitor.next('conversation.history');
        await visitor.request({ type: 'preview.set', conversationId, enabled: true, noticeShown: true });
        const patch = (previewPolicy: string) =>
          fetch(`${b.url}/api/v1/inboxes/default`, {
            method: 'PATCH',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ previewPolicy }),
          });
        try {
          assert.equal((await patch('opt_in')).status, 200);
          const told = await visitor.next('preview.updated');
          assert.deepEqual(told.preview, { policy: 'opt_in', enabled: false });
          visitor.send({ type: 'draft.update', conversationId, text: 'after the change' });
          assert.equal((await visitor.next('error')).code, 'forbidden');
        } finally {
          await patch('on_with_notice');
        }
        visitor.close();
      });

      it('drafts cross the bus sealed: a canary typed 500 times never appears in bus traffic', async () => {
        const sniffer = await sniff(schema);
        try {
          const { client: visitor } = await TestClient.hello(a.wsUrl, 'visitor');
          const first = await visitor.sendMessage(null, 'visible message marker');
          const { conversationId } = first;
          visitor.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
          await visitor.next('conversation.history');
          const { client: agent } = await TestClient.hello(b.wsUrl, 'agent', { cookie });
          agent.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
          await agent.next('conversation.history');
          await agent.sendMessage(conversationId, 'taking it');
          await visitor.request({ type: 'preview.set', conversationId, enabled: true, noticeShown: true });
          const canary = 'ZQX-bus-canary-mango'; // no digits: drafts mask long digit runs
          for (let i = 0; i < 500; i++) {
            visitor.send({ type: 'draft.update', conversationId, text: `${canary} ${i}` });
            if (i % 50 === 49) await new Promise((r) => setTimeout(r, 10)); // fast typing, not one flood
          }
          const isDraft = (f: ServerFrame): f is Extract<ServerFrame, { type: 'draft.updated' }> =>
            f.type === 'draft.updated' && f.text === `${canary} 499`;
          await agent.waitFor(isDraft, 5000);
          assert.ok(sniffer.captured().includes('taking it'), 'the sniffer does see bus traffic');
          assert.equal(sniffer.captured().includes(canary), false, 'no draft in clear on the bus');
          visitor.close();
          agent.close();
        } finally {
          await sniffer.stop();
        }
      });

      it('a visitor who reconnects to the other node resumes with no gap and no duplicate', async () => {
        const { client: visitor, welcome } = await TestClient.hello(a.wsUrl, 'visitor');
        const first = await visitor.sendMessage(null, 'before the move');
        visitor.ws.terminate();
        const { client: agent } = await TestClient.hello(b.wsUrl, 'agent', { cookie });
        for (let i = 1; i <= 3; i++) await agent.sendMessage(first.conversationId, `while away ${i}`);

        const { client: moved } = await TestClient.hello(b.wsUrl, 'visitor', {
          visitorToken: welcome.visitor!.token!,
        });
        moved.send({
          type: 'conversation.subscribe',
          conversationId: first.conversationId,
          afterSeq: first.seq,
        });
        const history = await moved.next('conversation.history');
        assert.deepEqual(
          history.messages.map((m) => m.seq),
          [2, 3, 4],
        );
        await agent.sendMessage(first.conversationId, 'live again');
        assert.equal((await moved.next('message.created')).message.seq, 5);
        moved.close();
        agent.close();
      });

      it("deactivating an agent on node B closes their socket on node A at once; an expired session's socket closes", async () => {
        const email = `${randomUUID()}@example.test`;
        const password = `pw-${randomUUID()}`;
        const created = await fetch(`${b.url}/api/v1/agents`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ email, name: 'Alice Martin', password }),
        });
        const { agent } = (await created.json()) as { agent: { id: string } };
        const alice = await logIn(a.url, email, password);
        const { client: onA } = await TestClient.hello(a.wsUrl, 'agent', { cookie: alice });
        const res = await fetch(`${b.url}/api/v1/agents/${agent.id}`, {
          method: 'PATCH',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ active: false }),
        });
        assert.equal(res.status, 200);
        // Well under the heartbeat (60 s here): the bus closed it, not the periodic session check.
        assert.equal(await onA.closed(2000), CLOSE_CODES.loggedOut);

        const admin = await logIn(a.url, ADMIN.email, ADMIN.password);
        const { client: expiring } = await TestClient.hello(b.wsUrl, 'agent', { cookie: admin });
        const token = decodeURIComponent(admin.slice(admin.indexOf('=') + 1));
        await adminQuery(`update ${schema}.sessions set expires_at = $1 where token_hash = $2`, [
          Date.now(),
          createHash('sha256').update(token).digest('hex'),
        ]);
        assert.equal(await expiring.closed(shortBeat * 4 + 2000), CLOSE_CODES.loggedOut);
      });
    });
  }
});
