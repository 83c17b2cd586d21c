import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../testing/test-server';
import { TestClient } from '../testing/test-client';

describe('Prometheus metrics', () => {
  it('count messages, connections and errors, and never carry message text', async () => {
    const server = await startTestServer();
    try {
      const { client } = await TestClient.hello(server.wsUrl, 'visitor');
      await client.sendMessage(null, 'METRICS-CANARY hello');
      await client.request({ type: 'conversation.subscribe', conversationId: 'nope', afterSeq: 0 });
      const res = await fetch(`${server.url}/metrics`);
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.match(text, /candor_messages_stored_total\{author="visitor"\} 1/);
      assert.match(text, /candor_connections\{role="visitor"\} 1/);
      assert.match(text, /candor_errors_total\{code="not_found"\} 1/);
      assert.match(text, /candor_fanout_delay_seconds_bucket/);
      assert.equal(text.includes('METRICS-CANARY'), false);
      client.close();
    } finally {
      await server.close();
    }
  });

  it('require the bearer token when one is configured', async () => {
    const server = await startTestServer({ metricsToken: 'a-long-metrics-token-123' });
    try {
      assert.equal((await fetch(`${server.url}/metrics`)).status, 403);
      const ok = await fetch(`${server.url}/metrics`, {
        headers: { authorization: 'Bearer a-long-metrics-token-123' },
      });
      assert.equal(ok.status, 200);
    } finally {
      await server.close();
    }
  });
});
