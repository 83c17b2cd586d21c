import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { describeStoreContract } from '../store.contract';
import { newConversation, visitorSays } from '../contract/fixtures';
import { StoreUnavailableError, type Store } from '../store';
import { openPostgresStore } from './postgres-store';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `t_${randomBytes(6).toString('hex')}`;

/** Runs one statement on a connection of its own, outside any store: setup, cleanup, fault injection. */
async function admin<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withAppName(name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

const unreachable = await admin('select 1').then(
  () => undefined,
  (error: unknown) =>
    `PostgreSQL not reachable at ${url}: ${error instanceof Error ? error.message : String(error)}`,
);

if (unreachable !== undefined && process.env.CI) {
  // CI must exercise PostgreSQL: a missing server is a failure there, not a skip.
  describe('postgres store', () =>
    it('reaches PostgreSQL (required when CI is set)', () => assert.fail(unreachable)));
} else if (unreachable !== undefined) {
  describe('postgres store', { skip: unreachable }, () => it('needs PostgreSQL', () => undefined));
} else {
  after(() => admin(`drop schema if exists ${schema} cascade`).then(() => undefined));
  describeStoreContract(`postgres (schema ${schema})`, () => openPostgresStore({ url, schema }));
  describe('postgres store', () => {
    it('migrates once when several nodes start together, in its own schema', async () => {
      const isolated = `${schema}_m`;
      const nodes = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore({ url, schema: isolated })));
      try {
        await Promise.all(nodes.map((n) => n.migrate()));
        const inboxes = await admin<{ n: string }>(`select count(*) as n from ${isolated}.inboxes`);
        assert.equal(Number(inboxes[0]?.n), 1);
        const inPublic = await admin(
          `select 1 from information_schema.tables where table_schema = 'public' and table_name = 'messages'`,
        );
        assert.deepEqual(inPublic, []);
      } finally {
        await Promise.all(nodes.map((n) => n.close()));
        await admin(`drop schema if exists ${isolated} cascade`);
      }
    });

    it('fails fast with StoreUnavailableError when the server is unreachable', async () => {
      const store = await openPostgresStore({
        url: 'postgres://postgres@127.0.0.1:1/test',
        connectTimeoutMs: 1000,
      });
      const started = Date.now();
      await assert.rejects(store.ping(), StoreUnavailableError);
      await assert.rejects(store.appendMessage('c', visitorSays('v', 'hi')), StoreUnavailableError);
      assert.ok(Date.now() - started < 2500, `took ${Date.now() - started} ms`);
      await store.close();
    });

    describe('when the server drops its connections (a restart)', () => {
      const app = `candor_${schema}`;
      const errors: Error[] = [];
      let store: Store;
      const dropConnections = () =>
        admin('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [app]);
      before(async () => {
        store = await openPostgresStore({
          url: withAppName(app),
          schema,
          onConnectionError: (e) => void errors.push(e),
        });
      });
      after(() => store.close());

      it('survives losing idle connections and reconnects', async () => {
        await store.ping();
        await dropConnections();
        for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
        assert.ok(errors.length > 0, 'the lost connection was reported');
        await store.ping();
      });

      it('rejects calls cut off mid-way with StoreUnavailableError, never crashing', async () => {
        const { conversation, visitorId } = await newConversation(store);
        const sends = Promise.allSettled(
          Array.from({ length: 40 }, (_, i) =>
            store.appendMessage(conversation.id, visitorSays(visitorId, `m${i}`)),
          ),
        );
        await new Promise((r) => setTimeout(r, 5));
        await dropConnections();
        const outcomes = await sends;
        assert.ok(
          outcomes.some((o) => o.status === 'rejected'),
          'the cut hit some calls',
        );
        for (const o of outcomes)
          if (o.status === 'rejected') assert.ok(o.reason instanceof StoreUnavailableError, String(o.reason));
        const stored = await store.listMessages(conversation.id, 0, 100);
        assert.deepEqual(
          stored.map((m) => m.seq),
          stored.map((_, i) => i + 1),
          'no gap after the cut',
        );
      });
    });
  });
}
