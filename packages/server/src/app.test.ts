/** The service as an operator sees it: what it logs, and how it stops. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { CLOSE_CODES } from '@candor/protocol';
import { ADMIN, startTestServer } from './testing/test-server';
import { logIn, TestClient } from './testing/test-client';
import { join } from 'node:path';
import { openSqliteStore } from './storage';

describe('the Candor service', () => {
  it('never writes a message body to its logs, even at trace level and on errors', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged += chunk.toString();
        done();
      },
    });
    const server = await startTestServer({}, pino({ level: 'trace' }, sink));
    try {
      const canary = 'CANARY-7f3a-do-not-log';
      const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
      const first = await visitor.sendMessage(null, `my secret ${canary}`);
      const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', {
        cookie: await logIn(server.url, ADMIN.email, ADMIN.password),
      });
      await agent.sendMessage(first.conversationId, `reply ${canary}`);
      await visitor.request({ type: 'message.send', conversationId: 'nope', clientKey: 'k', body: canary });
      visitor.ws.send(`{"broken ${canary}`);
      await visitor.next('error');
      assert.ok(logged.length > 0, 'the server does log');
      assert.equal(logged.includes(canary), false);
      visitor.close();
      agent.close();
    } finally {
      await server.close();
    }
  });

  it('on shutdown closes sockets with "going away", and every acknowledged message is stored once', async () => {
    const server = await startTestServer();
    const { client } = await TestClient.hello(server.wsUrl, 'visitor');
    const first = await client.sendMessage(null, 'opening');
    for (let i = 0; i < 30; i++) {
      client.send({
        type: 'message.send',
        ref: `r${i}`,
        conversationId: first.conversationId,
        clientKey: `k${i}`,
        body: `m${i}`,
      });
    }
    await client.waitFor((f): f is Extract<typeof f, { type: 'ack' }> => f.type === 'ack');
    await server.stop(); // mid-stream: some sends acknowledged, some not yet read
    assert.equal(await client.closed(), CLOSE_CODES.goingAway);
    const acked = client.frames.flatMap((f) => (f.type === 'ack' && f.message ? [f.message.body] : []));

    const store = await openSqliteStore({ file: join(server.dataDir, 'candor.db') });
    const stored = (await store.listMessages(first.conversationId, 0, 100)).map((m) => m.body);
    await store.close();
    await server.close();
    for (const body of acked) assert.equal(stored.filter((b) => b === body).length, 1, `${body} stored once`);
    assert.deepEqual(stored, [...new Set(stored)], 'no duplicates');
  });
});
