import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeStoreContract } from '../store.contract';
import { newConversation, visitorSays } from '../contract/fixtures';
import { StoreUnavailableError, type AppendResult, type Store } from '../store';
import { openPostgresStore } from './postgres-store';
import {
  adminQuery,
  describeWithPostgres,
  freshSchema,
  TEST_DATABASE_URL,
} from '../../testing/postgres-test-db';

const url = TEST_DATABASE_URL;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
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

    it("keeps appending when another node's migration adds a column under its prepared statements", async () => {
      const isolated = `${schema}_cols`;
      // One connection, so the second append runs on the connection that prepared the first.
      const store = await openPostgresStore({ url, schema: isolated, maxConnections: 1 });
      try {
        await store.migrate();
        const { conversation, visitorId } = await newConversation(store);
        await store.appendMessage(conversation.id, visitorSays(visitorId, 'before'));
        await store.getConversation(conversation.id);
        for (const table of ['conversations', 'messages'])
          await admin(`alter table ${isolated}.${table} add column added_later text default 'x'`);
        const after = await store.appendMessage(conversation.id, visitorSays(visitorId, 'after'));
        assert.equal(after.message.seq, 3);
        assert.equal((await store.getConversation(conversation.id))?.lastSeq, 3);
      } finally {
        await store.close();
        await admin(`drop schema if exists ${isolated} cascade`);
      }
    });

    it('works without prepared statements, for PgBouncer in transaction mode', async () => {
      const store = await openPostgresStore({ url, schema, preparedStatements: false });
      try {
        const { conversation, visitorId } = await newConversation(store);
        const appended = await store.appendMessage(conversation.id, visitorSays(visitorId, 'hi'));
        assert.equal(appended.message.seq, 2);
        assert.equal((await store.getConversation(conversation.id))?.lastSeq, 2);
      } finally {
        await store.close();
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

    it("keeps seqs gapless and in each node's call order when two nodes append to the same conversations", async () => {
      const [a, b] = await Promise.all([1, 2].map(() => openPostgresStore({ url, schema })));
      assert.ok(a !== undefined && b !== undefined);
      try {
        const conversations = await Promise.all(range(12).map(() => newConversation(a)));
        // Each node's bursts name the conversations in a different order, so unordered row locks would
        // deadlock between two batches.
        const burst = (node: Store, name: string, order: (i: number) => number) =>
          Promise.all(
            range(600).map((i) => {
              const { conversation, visitorId } = conversations[order(i) % 12] ?? assert.fail();
              return node.appendMessage(conversation.id, visitorSays(visitorId, `${name}${i}`));
            }),
          );
        await Promise.all([
          burst(a, 'a', (i) => i),
          burst(b, 'b', (i) => 11 * i + 5),
          burst(a, 'a2-', (i) => 7 * i),
          burst(b, 'b2-', (i) => 5 * i + 3),
        ]);
        for (const { conversation } of conversations) {
          const stored = await a.listMessages(conversation.id, 0, 10_000);
          assert.deepEqual(
            stored.map((m) => m.seq),
            range(stored.length).map((i) => i + 1),
          );
          assert.equal(stored.length, 1 + 200);
          for (const prefix of ['a', 'b', 'a2-', 'b2-']) {
            const calls = stored.flatMap((m) =>
              m.body.match(/^([ab](?:2-)?)(\d+)$/)?.[1] === prefix
                ? [Number(m.body.slice(prefix.length))]
                : [],
            );
            assert.deepEqual(
              calls,
              [...calls].sort((x, y) => x - y),
              `${prefix}: stored in call order`,
            );
          }
        }
      } finally {
        await Promise.all([a?.close(), b?.close()]);
      }
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

      it('never acknowledges a send it did not store when connections drop mid-batch', async () => {
        const conversations = await Promise.all(range(8).map(() => newConversation(store)));
        const acked: AppendResult[] = [];
        const failures: unknown[] = [];
        let cuts = 0;
        let stop = false;
        // 100 callers keep sending, so batches are always in flight; connections are dropped until a
        // cut has failed some calls, then the callers go on until the store has acknowledged more.
        const caller = async (c: number) => {
          const { conversation, visitorId } = conversations[c % 8] ?? assert.fail();
          for (let i = 0; !stop; i++) {
            const send = store.appendMessage(conversation.id, visitorSays(visitorId, `c${c}-${i}`));
            await send.then(
              (r) => void acked.push(r),
              (e: unknown) => void failures.push(e),
            );
          }
        };
        const callers = Promise.all(range(100).map(caller));
        const ackedAtLeast = async (n: number) => {
          while (acked.length < n) await new Promise((r) => setTimeout(r, 5));
        };
        await ackedAtLeast(300);
        while (failures.length === 0 && cuts++ < 100) {
          await dropConnections();
          await new Promise((r) => setTimeout(r, 10));
        }
        await ackedAtLeast(acked.length + 300);
        stop = true;
        await callers;

        assert.ok(failures.length > 0, 'the cut hit some calls');
        for (const e of failures) assert.ok(e instanceof StoreUnavailableError, String(e));
        const reader = await openPostgresStore({ url, schema });
        try {
          for (const { conversation } of conversations) {
            const stored = await reader.listMessages(conversation.id, 0, 100_000);
            assert.deepEqual(
              stored.map((m) => m.seq),
              stored.map((_, i) => i + 1),
              'no gap after the cut',
            );
            const byId = new Map(stored.map((m) => [m.id, m]));
            for (const r of acked.filter((a) => a.message.conversationId === conversation.id))
              assert.deepEqual(byId.get(r.message.id), r.message, 'every acknowledged send is stored');
          }
        } finally {
          await reader.close();
        }
      });
    });
  });
});
