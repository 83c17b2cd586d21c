/**
 * Login as an attacker sees it: guesses spread over two nodes and several addresses are still counted
 * per account and per address; a cross-site page cannot sign a browser in; failures are logged without
 * the password. Addresses are real: each request leaves from its own loopback address (127.0.0.x).
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import {
  adminQuery,
  describeWithPostgres,
  freshSchema,
  TEST_DATABASE_URL,
} from '../../testing/postgres-test-db';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  error: { code?: string; retryAfterMs?: number };
}

/** POST /api/v1/auth/login from `from` (a local address), optionally with an Origin. */
function login(
  server: TestServer,
  credentials: { email: string; password: string },
  options: { from?: string; origin?: string } = {},
): Promise<Answer> {
  const url = new URL('/api/v1/auth/login', server.url);
  const payload = JSON.stringify(credentials);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(options.origin ? { origin: options.origin } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            error: (JSON.parse(text || '{}') as { error?: Answer['error'] }).error ?? {},
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const WRONG = 'not-the-password';

describeWithPostgres('login limits on two nodes sharing PostgreSQL', () => {
  const schema = freshSchema();
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    const shared = { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema };
    [a, b] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await adminQuery(`drop schema if exists ${schema} cascade`);
  });

  it('blocks an account after a few wrong guesses from any node and address, even the right password', async () => {
    const nodes = [a, b];
    const guesses = [];
    for (let i = 0; i < 5; i++) {
      const from = `127.0.0.${2 + (i % 3)}`;
      guesses.push(await login(nodes[i % 2]!, { email: ADMIN.email, password: WRONG }, { from }));
    }
    assert.deepEqual(
      guesses.map((g) => g.status),
      [401, 401, 401, 401, 401],
    );
    const blocked = await login(a, { email: ADMIN.email, password: WRONG }, { from: '127.0.0.7' });
    assert.equal(blocked.status, 429);
    assert.equal(blocked.error.code, 'rate_limited');
    assert.ok((blocked.error.retryAfterMs ?? 0) > 0);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    const right = await login(b, ADMIN, { from: '127.0.0.8' });
    assert.equal(right.status, 429, 'the right password is refused while the account is blocked');
    assert.equal(right.headers['set-cookie'], undefined);
  });

  it('treats an unknown email exactly like a known one', async () => {
    const email = 'nobody-here@example.test';
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push(await login(i % 2 ? a : b, { email, password: WRONG }, { from: `127.0.0.${10 + i}` }));
    }
    assert.deepEqual(
      answers.map((g) => g.status),
      [401, 401, 401, 401, 401, 429],
    );
  });

  it('blocks an address trying many accounts, on every node; other addresses still log in', async () => {
    const from = '127.0.0.20';
    for (let i = 0; i < 20; i++) {
      const res = await login(i % 2 ? a : b, { email: `guess-${i}@example.test`, password: WRONG }, { from });
      assert.equal(res.status, 401, `guess ${i}`);
    }
    const next = await login(a, { email: 'guess-new@example.test', password: WRONG }, { from });
    assert.equal(next.status, 429);
    assert.equal(
      (await login(b, { email: 'guess-new2@example.test', password: WRONG }, { from })).status,
      429,
    );
  });

  it('a successful login starts the account afresh', async () => {
    const created = await a.store.countAgents();
    assert.ok(created >= 1);
    // A fresh agent, so the admin's block above does not matter.
    const email = `fresh-${Date.now()}@example.test`;
    const { hashPassword } = await import('../../auth/password');
    const { randomUUID } = await import('node:crypto');
    await a.store.createAgent({
      id: randomUUID(),
      email,
      name: 'Fresh',
      role: 'agent',
      active: true,
      passwordHash: await hashPassword('fresh-password-123', 10),
      createdAt: Date.now(),
    });
    const from = '127.0.0.30';
    for (let i = 0; i < 4; i++)
      assert.equal((await login(a, { email, password: WRONG }, { from })).status, 401);
    assert.equal((await login(b, { email, password: 'fresh-password-123' }, { from })).status, 200);
    for (let i = 0; i < 5; i++)
      assert.equal((await login(b, { email, password: WRONG }, { from })).status, 401);
  });
});

describe('login on one node', () => {
  let server: TestServer;
  let logged = '';
  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged += chunk.toString();
        done();
      },
    });
    server = await startTestServer({}, pino({ level: 'warn' }, sink));
  });
  after(() => server.close());

  it('refuses a cross-origin login with 403 and sets no cookie', async () => {
    const res = await login(server, ADMIN, { origin: 'https://evil.example' });
    assert.equal(res.status, 403);
    assert.equal(res.error.code, 'forbidden');
    assert.equal(res.headers['set-cookie'], undefined);
    const same = await login(server, ADMIN, { origin: server.url });
    assert.equal(same.status, 200);
    assert.ok(same.headers['set-cookie']);
  });

  it('logs each failed login with the email and address, never the password', async () => {
    const password = 'hunter2-secret-guess';
    await login(server, { email: 'Mallory@Example.test', password }, { from: '127.0.0.40' });
    assert.match(logged, /"msg":"login failed"/);
    assert.match(logged, /Mallory@Example\.test/);
    assert.match(logged, /127\.0\.0\.40/);
    assert.equal(logged.includes(password), false);
  });
});
