/** GET/PUT /api/v1/me/preferences: per agent, kept on the server, validated, never another agent's. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn } from '../../testing/test-client';

describe('agent preferences over REST', () => {
  let server: TestServer;
  let admin: string;
  const call = (cookie: string | undefined, method: string, body?: unknown) =>
    fetch(`${server.url}/api/v1/me/preferences`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const quiet = {
    notify: { newConversation: false, newMessage: true, assigned: true },
    sound: false,
    desktop: true,
  };

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    await fetch(`${server.url}/api/v1/agents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ email: 'kim@example.test', name: 'Kim', password: 'kim-password-for-tests' }),
    });
  });
  after(() => server.close());

  it('starts with everything on, keeps what the agent saves, and follows them to a new session', async () => {
    const first = (await (await call(admin, 'GET')).json()) as { preferences: unknown };
    assert.deepEqual(first.preferences, {
      notify: { newConversation: true, newMessage: true, assigned: true },
      sound: true,
      desktop: true,
    });
    const saved = await call(admin, 'PUT', { ...quiet, extra: 'dropped' });
    assert.equal(saved.status, 200);
    assert.deepEqual(((await saved.json()) as { preferences: unknown }).preferences, quiet);
    const otherBrowser = await logIn(server.url, ADMIN.email, ADMIN.password);
    assert.deepEqual(
      ((await (await call(otherBrowser, 'GET')).json()) as { preferences: unknown }).preferences,
      quiet,
    );
  });

  it("are each agent's own", async () => {
    const kim = await logIn(server.url, 'kim@example.test', 'kim-password-for-tests');
    const theirs = (await (await call(kim, 'GET')).json()) as { preferences: { sound: boolean } };
    assert.equal(theirs.preferences.sound, true, "the admin's choice is not Kim's");
  });

  it('refuses a body of the wrong shape, and anyone signed out', async () => {
    for (const body of [
      {},
      { ...quiet, sound: 'no' },
      { ...quiet, notify: { newConversation: true } },
      'x',
    ]) {
      const res = await call(admin, 'PUT', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'bad_frame');
    }
    assert.equal((await call(undefined, 'GET')).status, 401);
    assert.equal((await call(undefined, 'PUT', quiet)).status, 401);
  });
});
