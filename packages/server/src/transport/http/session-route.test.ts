/** GET /api/v1/session answers 200 signed in or out; /api/v1/me keeps its 401 for API clients. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn } from '../../testing/test-client';

describe('GET /api/v1/session', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const get = (path: string, cookie?: string) =>
    fetch(`${server.url}${path}`, cookie ? { headers: { cookie } } : {});

  it('signed out (no cookie, or one that signs in nobody): 200 with agent null', async () => {
    for (const cookie of [undefined, 'candor_session=not-a-session']) {
      const res = await get('/api/v1/session', cookie);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { agent: null });
    }
    assert.equal((await get('/api/v1/me')).status, 401);
  });

  it('signed in: the agent, as /api/v1/me gives it', async () => {
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    const res = await get('/api/v1/session', cookie);
    assert.equal(res.status, 200);
    const { agent } = (await res.json()) as { agent: { email: string; passwordHash?: string } };
    assert.equal(agent.email, ADMIN.email);
    assert.equal(agent.passwordHash, undefined);
    assert.deepEqual(await (await get('/api/v1/me', cookie)).json(), { agent });
  });
});
