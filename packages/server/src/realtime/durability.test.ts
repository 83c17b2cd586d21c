/** Nothing lost, nothing twice: retried sends, dropped sockets, and resuming by seq. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn, TestClient } from '../testing/test-client';
import type { Message } from '@candor/protocol';

describe('durable messages', () => {
  let server: TestServer;
  let cookie: string;
  before(async () => {
    server = await startTestServer();
    cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  async function storedBodies(conversationId: string): Promise<string[]> {
    const rows = await server.store.listMessages(conversationId, 0, 1000);
    return rows.map((m) => m.body);
  }

  it('a client killed right after sending, then resending the same key, has the message stored once', async () => {
    const { client, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    const token = welcome.visitor!.token!;
    const opening = await client.sendMessage(null, 'opening line');
    const clientKey = randomUUID();
    client.send({
      type: 'message.send',
      ref: 'r1',
      conversationId: opening.conversationId,
      clientKey,
      body: 'did this arrive?',
    });
    client.ws.terminate(); // no close handshake: like a tab killed or a cable pulled mid-send

    const { client: again } = await TestClient.hello(server.wsUrl, 'visitor', { visitorToken: token });
    const resent = await again.sendMessage(opening.conversationId, 'did this arrive?', clientKey);
    const resentTwice = await again.sendMessage(opening.conversationId, 'did this arrive?', clientKey);
    assert.equal(resent.id, resentTwice.id);
    assert.deepEqual(await storedBodies(opening.conversationId), ['opening line', 'did this arrive?']);
    again.close();
  });

  it('a first message retried before its ack starts one conversation, not two', async () => {
    const { client, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    const clientKey = randomUUID();
    const [a, b] = await Promise.all([
      client.sendMessage(null, 'first words', clientKey),
      client.sendMessage(null, 'first words', clientKey),
    ]);
    assert.equal(a.id, b.id);
    const conversations = await server.store.listVisitorConversations(welcome.visitor!.id, 10);
    assert.equal(conversations.length, 1);
    client.close();
  });

  it('the same key with a different body is refused and changes nothing', async () => {
    const { client } = await TestClient.hello(server.wsUrl, 'visitor');
    const clientKey = randomUUID();
    const first = await client.sendMessage(null, 'original', clientKey);
    const reply = await client.request({
      type: 'message.send',
      conversationId: first.conversationId,
      clientKey,
      body: 'tampered',
    });
    assert.equal(reply.type === 'error' && reply.code, 'conflict');
    assert.deepEqual(await storedBodies(first.conversationId), ['original']);
    client.close();
  });

  it('a visitor who reconnects with their last seq gets exactly what they missed', async () => {
    const { client: visitor, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    const first = await visitor.sendMessage(null, 'hi');
    const conversationId = first.conversationId;
    visitor.ws.terminate();

    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie });
    for (let i = 1; i <= 5; i++) await agent.sendMessage(conversationId, `missed ${i}`);

    const { client: back } = await TestClient.hello(server.wsUrl, 'visitor', {
      visitorToken: welcome.visitor!.token!,
    });
    back.send({ type: 'conversation.subscribe', conversationId, afterSeq: first.seq });
    const history = await back.next('conversation.history');
    assert.deepEqual(
      history.messages.map((m) => m.seq),
      [2, 3, 4, 5, 6],
    );
    assert.equal(history.complete, true);
    await agent.sendMessage(conversationId, 'live again');
    assert.equal((await back.next('message.created')).message.seq, 7);
    back.close();
    agent.close();
  });

  it('resubscribing while messages keep arriving yields every seq once, in order', async () => {
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const first = await visitor.sendMessage(null, 'start');
    const conversationId = first.conversationId;
    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie });
    const total = 35; // within the per-connection frame burst, so no send is refused
    const sending = (async () => {
      for (let i = 0; i < total; i++) await agent.sendMessage(conversationId, `m${i}`);
    })();

    const seen: Message[] = [];
    let afterSeq = 0;
    for (let round = 0; round < 3; round++) {
      const { client } = await TestClient.hello(server.wsUrl, 'agent', { cookie });
      client.send({ type: 'conversation.subscribe', conversationId, afterSeq });
      const history = await client.next('conversation.history');
      seen.push(...history.messages);
      await new Promise((r) => setTimeout(r, 15));
      for (const f of client.frames) if (f.type === 'message.created') seen.push(f.message);
      afterSeq = seen.at(-1)?.seq ?? afterSeq;
      client.ws.terminate();
    }
    await sending;
    const { client: last } = await TestClient.hello(server.wsUrl, 'agent', { cookie });
    last.send({ type: 'conversation.subscribe', conversationId, afterSeq });
    seen.push(...(await last.next('conversation.history')).messages);

    const seqs = seen.map((m) => m.seq);
    assert.deepEqual(
      seqs,
      Array.from({ length: total + 1 }, (_, i) => i + 1),
      'no gap, no duplicate, in order',
    );
    last.close();
    agent.close();
    visitor.close();
  });
});
