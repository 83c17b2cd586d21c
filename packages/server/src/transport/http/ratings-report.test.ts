/**
 * On a real server: the ratings report. Ratings are listed and summarised by inbox, by the agent the
 * conversation is assigned to, and by dates; the summary is for admins only.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Agent, RatingsResponse, RatingsSummaryResponse } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';

describe('ratings report', () => {
  let server: TestServer;
  let admin: string;

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  const api = (path: string, init: RequestInit = {}, cookie = admin) =>
    fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers: { cookie, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
  const json = async <T>(path: string, cookie = admin) => (await (await api(path, {}, cookie)).json()) as T;

  /** A visitor's conversation, taken by the admin, resolved and rated. */
  async function rated(score: number, comment: string): Promise<string> {
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie: admin });
    const { conversationId } = await visitor.sendMessage(null, 'Bonjour, une question');
    assert.equal((await api(`/conversations/${conversationId}/take`, { method: 'POST' })).status, 200);
    assert.equal((await agent.request({ type: 'conversation.resolve', conversationId })).type, 'ack');
    const rate = await visitor.request({ type: 'conversation.rate', conversationId, score, comment });
    assert.equal(rate.type, 'ack');
    visitor.close();
    agent.close();
    return conversationId;
  }

  it("summarises count, average and distribution per inbox and per agent, with the list's filters", async () => {
    const me = (await json<{ agent: Agent }>('/me')).agent;
    const before = new Date().toISOString();
    const five = await rated(5, 'Parfait, merci');
    await rated(4, '');
    await rated(2, 'Trop long');

    const { summary } = await json<RatingsSummaryResponse>(`/ratings/summary?from=${before}`);
    assert.equal(summary.count, 3);
    assert.equal(summary.average, 3.67);
    assert.deepEqual(summary.distribution, [0, 1, 0, 1, 1]);
    assert.deepEqual(
      summary.byInbox.map((i) => [i.inboxId, i.count]),
      [['default', 3]],
    );
    assert.deepEqual(
      summary.byAgent.map((a) => [a.agentId, a.count, a.average]),
      [[me.id, 3, 3.67]],
    );

    const mine = await json<RatingsResponse>(`/ratings?agent=${me.id}&from=${before}`);
    assert.deepEqual(
      mine.ratings.map((r) => r.score),
      [2, 4, 5],
    );
    assert.equal(mine.ratings[2]?.conversationId, five);
    assert.equal(mine.ratings[2]?.comment, 'Parfait, merci');
    const nobody = await json<RatingsSummaryResponse>(`/ratings/summary?agent=someone-else&from=${before}`);
    assert.deepEqual(nobody.summary, {
      count: 0,
      average: null,
      distribution: [0, 0, 0, 0, 0],
      byInbox: [],
      byAgent: [],
    });
    const future = await json<RatingsSummaryResponse>('/ratings/summary?from=2999-01-01T00:00:00Z');
    assert.equal(future.summary.count, 0);
    const otherInbox = await json<RatingsSummaryResponse>('/ratings/summary?inbox=not-mine');
    assert.equal(otherInbox.summary.count, 0, 'an inbox one does not work in counts nothing');
  });

  it('refuses hostile filters with a clear 400, and the summary to agents who are not admins', async () => {
    for (const query of ['from=yesterday', 'to=2026-13-45T00:00:00Z', `agent=${'x'.repeat(500)}`]) {
      const res = await api(`/ratings/summary?${query}`);
      assert.equal(res.status, 400, query);
      assert.match(((await res.json()) as { error: { message: string } }).error.message, /Invalid query/);
    }
    const email = `lea-${randomUUID()}@example.test`;
    const created = await api('/agents', { method: 'POST', body: JSON.stringify({ email, name: 'Léa' }) });
    const { password } = (await created.json()) as { password: string };
    const lea = await logIn(server.url, email, password);
    assert.equal((await api('/ratings/summary', {}, lea)).status, 403);
    assert.equal(
      (await api('/ratings', {}, lea)).status,
      200,
      'agents still list the ratings of their inbox',
    );
    assert.equal((await fetch(`${server.url}/api/v1/ratings/summary`)).status, 401);
  });
});
