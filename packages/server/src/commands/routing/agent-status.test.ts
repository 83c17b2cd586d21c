/**
 * Colleagues' status, live on a real server: an agent's console hears when a colleague comes online,
 * changes their status, and turns away once the grace after their last console has passed; a visitor
 * hears none of it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentStatusFrame, ServerFrame } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';

describe('colleagues’ status, live', () => {
  let server: TestServer;
  let admin: string;
  let ada: { id: string; cookie: string };

  before(async () => {
    server = await startTestServer({ awayGraceMs: 300 });
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${server.url}/api/v1/agents`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.test', name: 'Ada' }),
    });
    const created = (await res.json()) as { agent: { id: string }; password: string };
    ada = { id: created.agent.id, cookie: await logIn(server.url, 'ada@example.test', created.password) };
  });
  after(() => server.close());

  const statusOf = (client: TestClient, agentId: string, want: Partial<AgentStatusFrame>) =>
    client.waitFor(
      (f: ServerFrame): f is AgentStatusFrame =>
        f.type === 'agent.status' &&
        f.agentId === agentId &&
        (want.status === undefined || f.status === want.status) &&
        (want.effectiveStatus === undefined || f.effectiveStatus === want.effectiveStatus),
      5000,
    );

  it('comes online, goes away by choice, and away after the grace once their console is closed', async () => {
    const { client: watcher } = await TestClient.hello(server.wsUrl, 'agent', { cookie: admin });
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    await visitor.sendMessage(null, 'Hello');

    const { client: adaConsole } = await TestClient.hello(server.wsUrl, 'agent', { cookie: ada.cookie });
    await statusOf(watcher, ada.id, { status: 'online', effectiveStatus: 'online' });

    const setStatus = (status: string) =>
      fetch(`${server.url}/api/v1/routing/agents/${ada.id}`, {
        method: 'PATCH',
        headers: { cookie: ada.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
    assert.equal((await setStatus('away')).status, 200);
    await statusOf(watcher, ada.id, { status: 'away', effectiveStatus: 'away' });
    assert.equal((await setStatus('online')).status, 200);
    await statusOf(watcher, ada.id, { status: 'online', effectiveStatus: 'online' });

    adaConsole.close();
    const away = await statusOf(watcher, ada.id, { effectiveStatus: 'away' });
    assert.equal(away.status, 'online', 'still chose online; routing sees away');

    // Back within a console: online again for everyone.
    const { client: again } = await TestClient.hello(server.wsUrl, 'agent', { cookie: ada.cookie });
    await statusOf(watcher, ada.id, { effectiveStatus: 'online' });

    assert.deepEqual(
      visitor.frames.filter((f) => f.type === 'agent.status'),
      [],
      'a visitor never hears of agents’ status',
    );
    for (const c of [watcher, visitor, again]) c.close();
  });
});
