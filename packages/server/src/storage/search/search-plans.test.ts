/**
 * The two search plans (search-queries.ts: matches first for a rare word, conversations probed newest
 * first for a common one) give the same pages, with the same matches and counts, on both stores.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { parseSearchQuery } from '../../domain/search/search-query';
import {
  adminQuery,
  describeWithPostgres,
  freshSchema,
  TEST_DATABASE_URL,
} from '../../testing/postgres-test-db';
import type { Database } from '../database';
import { openPostgresStore } from '../postgres/postgres-store';
import { openSqliteStore } from '../sqlite/sqlite-store';
import type { Store } from '../store';
import { searchConversations } from './search-queries';
import type { SearchFilter } from './search-store';

const T0 = 1_750_000_000_000;
const TEXTS = [
  'Ma commande 4411 est arrivée abîmée',
  'Where is my order? The parcel never came',
  'Je voudrais un remboursement de ma commande',
  'commande passée hier, pas encore expédiée',
  'Can I change the delivery address of my order',
  'Le colis est bloqué, commande en attente',
  'refund please, the size was wrong',
];

async function fill(store: Store): Promise<void> {
  await store.migrate();
  for (const [i, text] of TEXTS.entries()) {
    const visitor = `v${i}`;
    await store.createVisitor({
      id: visitor,
      tokenHash: `th-${visitor}`,
      name: `Visitor ${i}`,
      locale: 'fr',
      createdAt: T0,
    });
    const id = `c${i}`;
    await store.startConversation(
      { id, inboxId: 'default', visitorId: visitor },
      { authorType: 'visitor', authorId: visitor, body: text, clientKey: null, now: T0 + i * 10 },
    );
    // A second message in some, so counts per conversation differ.
    if (i % 2 === 0)
      await store.appendMessage(id, {
        authorType: 'visitor',
        authorId: visitor,
        body: `encore ma commande, ${text}`,
        clientKey: null,
        now: T0 + i * 10 + 5,
      });
  }
  while ((await store.indexPendingMessages(1_000)) > 0);
}

async function assertPlansAgree(db: Kysely<Database>): Promise<void> {
  const cases: [string, SearchFilter][] = [
    ['commande', { inboxIds: ['default'] }],
    ['order', { inboxIds: ['default'] }],
    ['commandes arrivé', { inboxIds: ['default'] }],
    ['commande', { inboxIds: ['default'], from: T0 + 20, to: T0 + 50 }],
    ['4411', { inboxIds: ['default'] }],
    ['nothingmatches', { inboxIds: ['default'] }],
  ];
  for (const [q, filter] of cases) {
    const request = { terms: parseSearchQuery(q), filter, limit: 2 };
    let rare = await searchConversations(db, request, Infinity);
    let common = await searchConversations(db, request, 1);
    const pages = (p: typeof rare) =>
      p.hits.map((h) => [h.conversation.id, h.matchCount, h.matches.map((m) => m.id)] as const);
    const seen: string[] = [];
    for (;;) {
      assert.deepEqual(pages(common), pages(rare), q);
      seen.push(...rare.hits.map((h) => h.conversation.id));
      if (rare.next === undefined) break;
      rare = await searchConversations(db, { ...request, after: rare.next }, Infinity);
      common = await searchConversations(db, { ...request, after: common.next }, 1);
    }
    assert.equal(common.next, undefined);
    if (q === 'commande' && filter.from === undefined)
      assert.equal(seen.length, 6, 'every conversation with it');
    if (q === 'nothingmatches') assert.equal(seen.length, 0);
  }
}

describe('search plans on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-plans-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('give the same pages for rare and common words', async () => {
    const file = join(dir, 'plans.db');
    const store = await openSqliteStore({ file });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
    try {
      await fill(store);
      await assertPlansAgree(db);
    } finally {
      await db.destroy();
      await store.close();
    }
  });
});

describeWithPostgres('search plans on PostgreSQL', () => {
  const schema = `${freshSchema()}_plans`;
  after(() => adminQuery(`drop schema if exists ${schema} cascade`).then(() => undefined));

  it('give the same pages for rare and common words', async () => {
    const store = await openPostgresStore({ url: TEST_DATABASE_URL, schema });
    const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await fill(store);
      await assertPlansAgree(db);
    } finally {
      await db.destroy();
      await store.close();
    }
  });
});
