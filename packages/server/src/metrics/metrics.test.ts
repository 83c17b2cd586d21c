import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../testing/test-server';
import { TestClient } from '../testing/test-client';
import { Metrics } from './metrics';

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

  it('count relayed drafts, the same on every scrape, without their text', async () => {
    const metrics = new Metrics({
      connections: () => ({ visitor: 0, agent: 0 }),
      pendingCommands: () => 0,
    });
    const draft = { type: 'draft.changed', conversationId: 'c1', assigneeId: null } as const;
    metrics.onEvent({ ...draft, text: 'DRAFT-CANARY one' });
    metrics.onEvent({ ...draft, text: 'DRAFT-CANARY two' });
    for (let scrape = 0; scrape < 2; scrape++) {
      const text = await metrics.registry.metrics();
      assert.match(text, /candor_drafts_relayed_total 2\n/);
      assert.equal(text.includes('DRAFT-CANARY'), false);
    }
  });
});
