/**
 * Migration 0010 on a store that already holds messages: Store.migrate() indexes them before it
 * returns (nothing is left queued), and they are found. On SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { parseSearchQuery } from '../../domain/search/search-query';
import {
  adminQuery,
  describeWithPostgres,
  freshSchema,
  TEST_DATABASE_URL,
} from '../../testing/postgres-test-db';
import { provider } from '../migrations/migrate';
import { openPostgresStore } from '../postgres/postgres-store';
import { openSqliteStore } from '../sqlite/sqlite-store';
import type { Store } from '../store';

const BEFORE_SEARCH = '0006_visitor_tokens';
const OLD = 1_700_000_000_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema as it was, not today's Database type
async function storeOldMessages(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error } = await migrator.migrateTo(BEFORE_SEARCH);
  if (error) throw error instanceof Error ? error : new Error('migration failed');
  await sql`insert into visitors (id, token_hash, name, locale, created_at) values ('v1', 'th1', 'Old', 'fr', ${OLD})`.execute(
    db,
  );
  await sql`insert into conversations (id, inbox_id, visitor_id, status, assignee_id, last_seq, created_at, updated_at)
    values ('c1', 'default', 'v1', 'resolved', null, 2, ${OLD}, ${OLD})`.execute(db);
  await sql`insert into messages (id, conversation_id, seq, author_type, author_id, body, client_key, created_at)
    values ('m1', 'c1', 1, 'visitor', 'v1', 'Ma facture est fausse', null, ${OLD}),
           ('m2', 'c1', 2, 'visitor', 'v1', 'The invoices were refunded', null, ${OLD + 1})`.execute(db);
}

async function assertBackfilled(store: Store): Promise<void> {
  await store.migrate();
  assert.equal(await store.indexPendingMessages(100), 0, 'migrate() indexed the backlog');
  for (const q of ['factures', 'refund invoice']) {
    const { hits } = await store.searchConversations({
      terms: parseSearchQuery(q),
      filter: { inboxIds: ['default'] },
      limit: 5,
    });
    assert.deepEqual(
      hits.map((h) => h.conversation.id),
      ['c1'],
      q,
    );
  }
}

describe('search backfill on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-backfill-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('indexes the messages stored before search existed', async () => {
    const file = join(dir, 'old.db');
    const old = new Kysely({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
    await storeOldMessages(old);
    await old.destroy();
    const store = await openSqliteStore({ file });
    try {
      await assertBackfilled(store);
    } finally {
      await store.close();
    }
  });
});

describeWithPostgres('search backfill on PostgreSQL', () => {
  const schema = `${freshSchema()}_backfill`;
  after(() => adminQuery(`drop schema if exists ${schema} cascade`).then(() => undefined));

  it('indexes the messages stored before search existed', async () => {
    await adminQuery(`create schema ${schema}`);
    const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    const old = new Kysely({ dialect: new PostgresDialect({ pool }) });
    await storeOldMessages(old, schema);
    await old.destroy();
    const store = await openPostgresStore({ url: TEST_DATABASE_URL, schema });
    try {
      await assertBackfilled(store);
    } finally {
      await store.close();
    }
  });
});
