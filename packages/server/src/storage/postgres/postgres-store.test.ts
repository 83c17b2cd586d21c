import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeStoreContract } from '../store.contract';
import { newConversation, visitorSays } from '../contract/fixtures';
import { StoreUnavailableError, type Store } from '../store';
import { openPostgresStore } from './postgres-store';
import {
  adminQuery,
  describeWithPostgres,
  freshSchema,
  TEST_DATABASE_URL,
} from '../../testing/postgres-test-db';

const url = TEST_DATABASE_URL;
const schema = freshSchema();
const admin = adminQuery;

function withAppName(name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

describeWithPostgres('postgres store', () => {
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
});
