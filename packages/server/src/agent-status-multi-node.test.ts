/**
 * Colleagues' status on two nodes sharing PostgreSQL and Redis: an agent's console on node A, and a
 * colleague's on node B, who hears them come online, choose away, and turn away once their console
 * on A has been closed for the grace.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentStatusFrame, ServerFrame } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from './testing/test-server';
import { logIn, TestClient } from './testing/test-client';
import { adminQuery, describeWithPostgres, freshSchema, TEST_DATABASE_URL } from './testing/postgres-test-db';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describeWithPostgres('colleagues’ status on two nodes', () => {
  const schema = freshSchema();
  let a: TestServer;
  let b: TestServer;
  let admin: string;

  before(async () => {
    const shared = {
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      bus: { kind: 'redis' as const, url: REDIS_URL, prefix: schema },
      awayGraceMs: 300,
    };
    [a, b] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
    admin = await logIn(a.url, ADMIN.email, ADMIN.password);
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await adminQuery(`drop schema if exists ${schema} cascade`);
  });

  it('a console on one node hears of a colleague on the other, as the store says', async () => {
    const created = await fetch(`${a.url}/api/v1/agents`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.test', name: 'Ada' }),
    });
    const { agent, password } = (await created.json()) as { agent: { id: string }; password: string };
    const ada = await logIn(a.url, 'ada@example.test', password);
    const { client: watcher } = await TestClient.hello(b.wsUrl, 'agent', { cookie: admin });
    const heard = (want: Partial<AgentStatusFrame>) =>
      watcher.waitFor(
        (f: ServerFrame): f is AgentStatusFrame =>
          f.type === 'agent.status' &&
          f.agentId === agent.id &&
          (want.status === undefined || f.status === want.status) &&
          (want.effectiveStatus === undefined || f.effectiveStatus === want.effectiveStatus),
        10_000,
      );

    const { client: adaConsole } = await TestClient.hello(a.wsUrl, 'agent', { cookie: ada });
    await heard({ status: 'online', effectiveStatus: 'online' });
    const away = await fetch(`${a.url}/api/v1/routing/agents/${agent.id}`, {
      method: 'PATCH',
      headers: { cookie: ada, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'away' }),
    });
    assert.equal(away.status, 200);
    await heard({ status: 'away', effectiveStatus: 'away' });
    await fetch(`${a.url}/api/v1/routing/agents/${agent.id}`, {
      method: 'PATCH',
      headers: { cookie: ada, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'online' }),
    });
    await heard({ status: 'online', effectiveStatus: 'online' });
    adaConsole.close();
    const gone = await heard({ effectiveStatus: 'away' });
    assert.equal(gone.status, 'online');
    watcher.close();
  });
});
