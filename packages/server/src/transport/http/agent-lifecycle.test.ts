/**
 * Revoking access, as an admin and an agent see it: through the REST API, with the agent's console
 * socket open. Every way a session ends closes its sockets; a new role reaches open sockets.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { CLOSE_CODES } from '@candor/protocol';
import { hashToken, newToken } from '../../auth/tokens';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';

describe('agent lifecycle', () => {
  let server: TestServer;
  let admin: string;
  const api = (path: string, init: { method?: string; cookie?: string; body?: unknown } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'lifecycle-test',
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;
  const login = (email: string, password: string) =>
    api('/api/v1/auth/login', { method: 'POST', body: { email, password } });

  /**
   * A session cookie made in the store, as a login makes it: the login limit (10 a minute per address)
   * is not under test here, and a real login is used where it is.
   */
  async function sessionFor(agentId: string, expiresAt = Date.now() + 3_600_000): Promise<string> {
    const token = newToken();
    const now = Date.now();
    await server.store.createSession({
      tokenHash: hashToken(token),
      id: randomUUID(),
      agentId,
      expiresAt,
      now,
      userAgent: 'lifecycle-test',
    });
    return `candor_session=${token}`;
  }

  /** A new agent, signed in, with a console socket open. */
  async function newAgent(role: 'agent' | 'admin' = 'agent') {
    const email = `${randomUUID()}@example.test`;
    const password = `pw-${randomUUID()}`;
    const res = await api('/api/v1/agents', {
      method: 'POST',
      cookie: admin,
      body: { email, name: 'Alice Martin', role, password },
    });
    assert.equal(res.status, 201);
    const { agent } = await json<{ agent: { id: string } }>(res);
    const cookie = await sessionFor(agent.id);
    const { client } = await TestClient.hello(server.wsUrl, 'agent', { cookie });
    return { id: agent.id, email, password, cookie, socket: client };
  }

  before(async () => {
    // A fast heartbeat: it is when sockets re-check sessions that expired or were deleted elsewhere.
    server = await startTestServer({ heartbeatMs: 100 });
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  it('deactivating an agent closes their socket (4003), ends their session, and refuses their login like a wrong password', async () => {
    const alice = await newAgent();
    const res = await api(`/api/v1/agents/${alice.id}`, {
      method: 'PATCH',
      cookie: admin,
      body: { active: false },
    });
    assert.equal(res.status, 200);
    assert.equal((await json<{ agent: { active: boolean } }>(res)).agent.active, false);
    assert.equal(await alice.socket.closed(), CLOSE_CODES.loggedOut);
    assert.equal((await api('/api/v1/me', { cookie: alice.cookie })).status, 401);
    await assert.rejects(TestClient.connect(server.wsUrl, 'agent', { cookie: alice.cookie }), /HTTP 401/);
    const refused = await login(alice.email, alice.password);
    const wrong = await login(alice.email, 'a-wrong-password');
    assert.equal(refused.status, 401);
    assert.deepEqual(await refused.json(), await wrong.json());

    const back = await api(`/api/v1/agents/${alice.id}`, {
      method: 'PATCH',
      cookie: admin,
      body: { active: true },
    });
    assert.equal(back.status, 200);
    assert.equal((await login(alice.email, alice.password)).status, 200);
  });

  it('a role change reconnects open sockets (4004), which then act with the new role', async () => {
    const bob = await newAgent();
    const res = await api(`/api/v1/agents/${bob.id}`, {
      method: 'PATCH',
      cookie: admin,
      body: { role: 'admin', name: 'Bob Admin' },
    });
    assert.equal(res.status, 200);
    assert.equal(await bob.socket.closed(), CLOSE_CODES.roleChanged);
    const { welcome } = await TestClient.hello(server.wsUrl, 'agent', { cookie: bob.cookie });
    assert.equal(welcome.agent?.role, 'admin');
    assert.equal(welcome.agent?.name, 'Bob Admin');
    assert.equal(
      (await json<{ agent: { role: string } }>(api('/api/v1/me', { cookie: bob.cookie }))).agent.role,
      'admin',
    );
  });

  it('an admin cannot deactivate or demote themselves; agents cannot change agents', async () => {
    const me = await json<{ agent: { id: string } }>(api('/api/v1/me', { cookie: admin }));
    for (const body of [{ active: false }, { role: 'agent' }]) {
      const res = await api(`/api/v1/agents/${me.agent.id}`, { method: 'PATCH', cookie: admin, body });
      assert.equal(res.status, 403);
    }
    const carol = await newAgent();
    const denied = await api(`/api/v1/agents/${me.agent.id}`, {
      method: 'PATCH',
      cookie: carol.cookie,
      body: { active: false },
    });
    assert.equal(denied.status, 403);
    const reset = await api(`/api/v1/agents/${me.agent.id}/password`, {
      method: 'POST',
      cookie: carol.cookie,
      body: {},
    });
    assert.equal(reset.status, 403);
    assert.equal(
      (await api(`/api/v1/agents/${randomUUID()}`, { method: 'PATCH', cookie: admin, body: { name: 'X' } }))
        .status,
      404,
    );
    assert.equal(
      (await api(`/api/v1/agents/${carol.id}`, { method: 'PATCH', cookie: admin, body: {} })).status,
      400,
    );
    carol.socket.close();
  });

  it('a password reset returns a generated password once, ends every session and closes their sockets', async () => {
    const dan = await newAgent();
    const res = await api(`/api/v1/agents/${dan.id}/password`, { method: 'POST', cookie: admin, body: {} });
    assert.equal(res.status, 200);
    const { password } = await json<{ password: string }>(res);
    assert.ok(password.length >= 24);
    assert.equal(await dan.socket.closed(), CLOSE_CODES.loggedOut);
    assert.equal((await api('/api/v1/me', { cookie: dan.cookie })).status, 401);
    assert.equal((await login(dan.email, dan.password)).status, 401);
    assert.equal((await login(dan.email, password)).status, 200);
    const chosen = await api(`/api/v1/agents/${dan.id}/password`, {
      method: 'POST',
      cookie: admin,
      body: { password: 'short' },
    });
    assert.equal(chosen.status, 400, 'a chosen password has at least 12 characters');
  });

  it('an agent renames themselves and changes their password; their other sessions end, this one stays', async () => {
    const eve = await newAgent();
    const here = await sessionFor(eve.id);
    const renamed = await api('/api/v1/me', { method: 'PATCH', cookie: here, body: { name: 'Eve Moreau' } });
    assert.equal((await json<{ agent: { name: string } }>(renamed)).agent.name, 'Eve Moreau');
    const wrong = await api('/api/v1/me/password', {
      method: 'POST',
      cookie: here,
      body: { currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' },
    });
    assert.equal(wrong.status, 403);
    const ok = await api('/api/v1/me/password', {
      method: 'POST',
      cookie: here,
      body: { currentPassword: eve.password, newPassword: 'a-brand-new-password' },
    });
    assert.equal(ok.status, 204);
    assert.equal(await eve.socket.closed(), CLOSE_CODES.loggedOut, 'the other session');
    assert.equal((await api('/api/v1/me', { cookie: eve.cookie })).status, 401);
    assert.equal((await api('/api/v1/me', { cookie: here })).status, 200);
    assert.equal((await login(eve.email, 'a-brand-new-password')).status, 200);
  });

  it('an agent lists their sessions by opaque id and ends another one, whose socket closes', async () => {
    const fay = await newAgent();
    const here = await sessionFor(fay.id);
    const { sessions } = await json<{ sessions: { id: string; current: boolean; userAgent?: string }[] }>(
      api('/api/v1/me/sessions', { cookie: here }),
    );
    assert.equal(sessions.length, 2);
    assert.equal(sessions.filter((s) => s.current).length, 1);
    assert.equal(sessions[0]?.userAgent, 'lifecycle-test');
    const token = decodeURIComponent(fay.cookie.split('=')[1]!);
    for (const s of sessions) {
      assert.notEqual(s.id, token);
      assert.notEqual(s.id, hashToken(token), 'never the token hash, which looks a session up');
    }
    const other = sessions.find((s) => !s.current)!;
    // Another agent cannot end it.
    assert.equal(
      (await api(`/api/v1/me/sessions/${other.id}`, { method: 'DELETE', cookie: admin })).status,
      404,
    );
    assert.equal(
      (await api(`/api/v1/me/sessions/${other.id}`, { method: 'DELETE', cookie: here })).status,
      204,
    );
    assert.equal(await fay.socket.closed(), CLOSE_CODES.loggedOut);
    assert.equal((await api('/api/v1/me', { cookie: fay.cookie })).status, 401);
    assert.equal(
      (await api(`/api/v1/me/sessions/${other.id}`, { method: 'DELETE', cookie: here })).status,
      404,
    );
  });

  it('a socket closes (4003) when its session expires, and when its session is deleted behind the server', async () => {
    const me = await json<{ agent: { id: string } }>(api('/api/v1/me', { cookie: admin }));
    const cookie = await sessionFor(me.agent.id, Date.now() + 600);
    const { client } = await TestClient.hello(server.wsUrl, 'agent', { cookie });
    assert.equal(await client.closed(5000), CLOSE_CODES.loggedOut);

    // Deleted by another process (e.g. `candor reset-password`), with no event on any bus.
    const gus = await newAgent();
    const db = new Database(join(server.dataDir, 'candor.db'));
    try {
      db.prepare('delete from sessions where agent_id = ?').run(gus.id);
    } finally {
      db.close();
    }
    assert.equal(await gus.socket.closed(5000), CLOSE_CODES.loggedOut);
  });

  it('agents see names, not emails, of other agents; admins see emails', async () => {
    const hal = await newAgent();
    const list = await json<{ agents: { id: string; email?: string; name: string }[] }>(
      api('/api/v1/agents', { cookie: hal.cookie }),
    );
    assert.ok(list.agents.length > 1);
    for (const a of list.agents) {
      assert.ok(a.name);
      if (a.id === hal.id) assert.equal(a.email, hal.email);
      else assert.equal(a.email, undefined, 'no other agent email');
    }
    const full = await json<{ agents: { email?: string }[] }>(api('/api/v1/agents', { cookie: admin }));
    assert.ok(full.agents.every((a) => a.email?.includes('@')));
    hal.socket.close();
  });

  it("GET /inboxes lists the caller's inboxes only; admins get all", async () => {
    const ivy = await newAgent();
    const db = new Database(join(server.dataDir, 'candor.db'));
    try {
      db.prepare(
        "insert into inboxes (id, name, created_at, preview_policy) values ('sales', 'Sales', 0, 'off')",
      ).run();
    } finally {
      db.close();
    }
    const mine = await json<{ inboxes: { id: string }[] }>(api('/api/v1/inboxes', { cookie: ivy.cookie }));
    assert.deepEqual(
      mine.inboxes.map((i) => i.id),
      ['default'],
    );
    const all = await json<{ inboxes: { id: string }[] }>(api('/api/v1/inboxes', { cookie: admin }));
    assert.deepEqual(all.inboxes.map((i) => i.id).sort(), ['default', 'sales']);
    ivy.socket.close();
  });

  // Last: it uses up this address's login budget.
  it('guessing the current password with a session cookie is limited like logins', async () => {
    const jo = await newAgent();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await api('/api/v1/me/password', {
        method: 'POST',
        cookie: jo.cookie,
        body: { currentPassword: `guess-${i}`, newPassword: 'a-brand-new-password' },
      });
      statuses.push(res.status);
    }
    assert.ok(statuses.includes(429), statuses.join(' '));
    assert.ok(statuses.every((s) => s === 403 || s === 429));
    jo.socket.close();
  });
});
