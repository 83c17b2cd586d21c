/**
 * Brute force on two nodes sharing PostgreSQL and Redis (issue 14): three recovery conversations of one
 * account hold a code each (the 3 sends an hour), and 100 sessions of their visitors, half on each node,
 * send 10,000 guesses at once. The store holds the limits for both nodes: no more tries are evaluated
 * than the account's 10 failures a day, none verifies, and the right code is refused afterwards.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { ADMIN, startTestServer, type TestServer } from './testing/test-server';
import { logIn, TestClient } from './testing/test-client';
import { describeWithPostgres, freshSchema, TEST_DATABASE_URL } from './testing/postgres-test-db';
import {
  codeMailedTo,
  hostAccounts,
  restAs,
  sendCode,
  startRecovery,
  tryCode,
} from './testing/recovery-harness';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SESSIONS = 100;
const GUESSES = 10_000;

describeWithPostgres('recovery codes under brute force on two nodes', () => {
  const schema = freshSchema();
  let nodes: TestServer[] = [];
  const sessions: TestClient[] = [];
  const cases: { conversationId: string; code: string; sessions: TestClient[] }[] = [];
  const accountId = `user-${randomUUID()}`;
  const email = `${accountId}@example.com`;

  before(async () => {
    const shared = {
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      bus: { kind: 'redis' as const, url: REDIS_URL, prefix: schema },
      maxConnectionsPerIp: 1000,
      frameRate: { perSecond: 10_000, burst: 10_000 },
    };
    nodes = await Promise.all([startTestServer(shared), startTestServer(shared)]);
    const [a] = nodes as [TestServer, TestServer];
    const admin = restAs(a.url, await logIn(a.url, ADMIN.email, ADMIN.password));
    await (
      await hostAccounts(a.url, admin)
    )(accountId, { email });
    for (let i = 0; i < 3; i++) {
      const node = nodes[i % 2]!;
      const first = await TestClient.hello(node.wsUrl, 'visitor');
      const { conversation } = await startRecovery(first.client, email);
      const res = await sendCode(admin, conversation.id);
      assert.equal(res.status, 201, await res.clone().text());
      await a.mail.settled();
      const code = await codeMailedTo(a.store, email);
      // The visitor's further tabs, alternating nodes; each hello hands the next one a fresh token.
      const tabs = [first.client];
      let token = first.welcome.visitor?.token ?? '';
      const count = i === 0 ? SESSIONS - 2 * Math.floor(SESSIONS / 3) : Math.floor(SESSIONS / 3);
      while (tabs.length < count) {
        const tab = await TestClient.hello(nodes[tabs.length % 2]!.wsUrl, 'visitor', { visitorToken: token });
        token = tab.welcome.visitor?.token ?? '';
        tabs.push(tab.client);
      }
      sessions.push(...tabs);
      cases.push({ conversationId: conversation.id, code, sessions: tabs });
    }
  });
  after(async () => {
    for (const s of sessions) s.close();
    await Promise.all(nodes.map((n) => n.close()));
  });

  it(
    'evaluates no more guesses than the account’s limit, and none verifies',
    { timeout: 90_000 },
    async () => {
      assert.equal(sessions.length, SESSIONS);
      const right = new Set(cases.map((c) => c.code));
      const guess = () => {
        for (;;) {
          const g = String(randomInt(0, 1_000_000)).padStart(6, '0');
          if (!right.has(g)) return g;
        }
      };
      const outcomes = new Map<string, number>();
      const perSession = GUESSES / SESSIONS;
      await Promise.all(
        cases.flatMap((c) =>
          c.sessions.map(async (session) => {
            for (let i = 0; i < perSession; i++) {
              const outcome = (await tryCode(session, c.conversationId, guess(), 60_000)) ?? 'none';
              outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
            }
          }),
        ),
      );
      const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
      assert.equal(total, GUESSES);
      assert.equal(outcomes.get('verified') ?? 0, 0);
      const evaluated = await nodes[0]!.store.countCodeTries(accountId);
      assert.ok(evaluated <= 10, `${evaluated} tries evaluated`);
      assert.ok(evaluated > 0, 'some guesses were evaluated');
      assert.ok((outcomes.get('wrong') ?? 0) <= 10, JSON.stringify([...outcomes]));
      // The limit holds for the right code too, on either node.
      const c = cases[1]!;
      assert.equal(await tryCode(c.sessions[1]!, c.conversationId, c.code), 'too_many_tries');
    },
  );
});
