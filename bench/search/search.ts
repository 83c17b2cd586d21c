/**
 * `npm run bench -- --only search [--quick]`: full-text search over a large history, on SQLite and on
 * PostgreSQL, through Store.searchConversations (what GET /api/v1/search runs, without HTTP).
 * Load: conversations of 10 messages (70 % resolved, spread over a year) written in big transactions
 * with the bare driver, so the migration's trigger queues each message, then indexed by the Store's own
 * indexer (indexPendingMessages, as a node does after appends): the load time includes the real
 * indexing cost. Loading stops at TARGET messages, or once LOAD_BUDGET_MS has passed, whichever comes
 * first; the size reached is reported. Queries (100 of each kind, or fewer if a kind's queries take
 * KIND_BUDGET_MS; one after another; 20 conversations a page):
 *   frequent   the most frequent word (in most messages)
 *   medium     a word of middling frequency
 *   rare       an order reference (about 10 messages)
 *   two words  frequent AND medium
 *   filtered   medium, resolved only, last 30 days
 *   next page  medium, second page (cursor)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore, openSqliteStore, type Store } from '../../packages/server/src/storage';
import { parseSearchQuery } from '../../packages/server/src/domain/search/search-query';
import type { SearchRequest } from '../../packages/server/src/storage/search/search-store';
import { DATABASE_URL, postgresUnavailable } from '../lib/systems';
import { machine, machineLine, table, writeReport } from '../lib/report';
import { fmt, latencySummary } from '../lib/stats';
import { message, random, referencePool, wordAt } from './corpus';

const PER_CONVERSATION = 10;
const CHUNK = 50_000;
const DAY = 86_400_000;

interface Loaded {
  messages: number;
  loadMs: number;
  indexMs: number;
}

interface Backend {
  name: string;
  open(): Promise<Store>;
  /** Writes conversations [from, to) and their messages with the bare driver. */
  write(rows: Rows): Promise<void>;
  analyze(): Promise<void>;
  close(): Promise<void>;
}

interface Rows {
  visitors: [string, string, number][];
  conversations: [string, string, string, number, number][];
  messages: [string, string, number, string, number][];
}

function generate(firstConversation: number, count: number, pool: number, now: number): Rows {
  const rand = random(firstConversation + 1);
  const rows: Rows = { visitors: [], conversations: [], messages: [] };
  for (let c = firstConversation; c < firstConversation + count; c++) {
    const id = `c${c}`;
    const visitor = `v${c}`;
    const start = now - Math.floor(rand() * 365 * DAY);
    rows.visitors.push([visitor, randomUUID(), start]);
    for (let s = 1; s <= PER_CONVERSATION; s++)
      rows.messages.push([`m${c}-${s}`, id, s, message(rand, pool), start + s * 60_000]);
    const status = rand() < 0.7 ? 'resolved' : 'open';
    rows.conversations.push([id, visitor, status, start, start + PER_CONVERSATION * 60_000]);
  }
  return rows;
}

function sqliteBackend(dir: string): Backend {
  const file = join(dir, 'search.db');
  let raw: SqliteDatabase.Database | undefined;
  let store: Store | undefined;
  return {
    name: 'SQLite (FTS5)',
    async open() {
      store = await openSqliteStore({ file });
      await store.migrate();
      raw = new SqliteDatabase(file);
      raw.pragma('journal_mode = WAL');
      raw.pragma('busy_timeout = 5000');
      return store;
    },
    write(rows) {
      const db = raw!;
      const v = db.prepare(
        `insert into visitors (id, token_hash, name, locale, created_at, last_seen_at) values (?, ?, 'Bench', 'fr', ?, 0)`,
      );
      const c = db.prepare(
        `insert into conversations (id, inbox_id, visitor_id, status, assignee_id, last_seq, created_at, updated_at) values (?, 'default', ?, ?, null, ${PER_CONVERSATION}, ?, ?)`,
      );
      const m = db.prepare(
        `insert into messages (id, conversation_id, seq, author_type, author_id, body, client_key, created_at) values (?, ?, ?, 'visitor', null, ?, null, ?)`,
      );
      db.transaction(() => {
        for (const row of rows.visitors) v.run(...row);
        for (const row of rows.conversations) c.run(...row);
        for (const row of rows.messages) m.run(...row);
      })();
      return Promise.resolve();
    },
    analyze() {
      raw!.exec('analyze');
      return Promise.resolve();
    },
    async close() {
      raw?.close();
      await store?.close();
    },
  };
}

function postgresBackend(): Backend {
  const schema = `bench_search_${process.pid}`;
  const client = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${schema}` });
  let store: Store | undefined;
  const columns = <T extends unknown[]>(rows: T[], i: number) => rows.map((r) => r[i]);
  return {
    name: 'PostgreSQL (tsvector, GIN)',
    async open() {
      store = await openPostgresStore({ url: DATABASE_URL, schema });
      await store.migrate();
      await client.connect();
      return store;
    },
    async write(rows) {
      await client.query('begin');
      await client.query(
        `insert into visitors (id, token_hash, name, locale, created_at, last_seen_at)
         select id, th, 'Bench', 'fr', at, 0 from unnest($1::text[], $2::text[], $3::bigint[]) as t(id, th, at)`,
        [0, 1, 2].map((i) => columns(rows.visitors, i)),
      );
      await client.query(
        `insert into conversations (id, inbox_id, visitor_id, status, assignee_id, last_seq, created_at, updated_at)
         select id, 'default', v, s, null, ${PER_CONVERSATION}, c, u
         from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[]) as t(id, v, s, c, u)`,
        [0, 1, 2, 3, 4].map((i) => columns(rows.conversations, i)),
      );
      await client.query(
        `insert into messages (id, conversation_id, seq, author_type, author_id, body, client_key, created_at)
         select id, c, s, 'visitor', null, b, null, at
         from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::bigint[]) as t(id, c, s, b, at)`,
        [0, 1, 2, 3, 4].map((i) => columns(rows.messages, i)),
      );
      await client.query('commit');
    },
    async analyze() {
      await client.query('analyze');
    },
    async close() {
      await store?.close();
      await client.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
      await client.end();
    },
  };
}

async function load(backend: Backend, store: Store, target: number, budgetMs: number): Promise<Loaded> {
  const started = performance.now();
  const pool = referencePool(target);
  const now = Date.now();
  let conversations = 0;
  let indexMs = 0;
  while (conversations * PER_CONVERSATION < target && performance.now() - started < budgetMs) {
    const count = Math.min(CHUNK, target - conversations * PER_CONVERSATION) / PER_CONVERSATION;
    await backend.write(generate(conversations, count, pool, now));
    conversations += count;
    const indexStarted = performance.now();
    while ((await store.indexPendingMessages(5_000)) > 0);
    indexMs += performance.now() - indexStarted;
    process.stderr.write(
      `\r  ${backend.name}: ${(conversations * PER_CONVERSATION).toLocaleString('en')} messages`,
    );
  }
  process.stderr.write('\n');
  // What autovacuum would do by itself a little later: the planner sees the tables as they now are.
  await backend.analyze();
  return { messages: conversations * PER_CONVERSATION, loadMs: performance.now() - started, indexMs };
}

interface Kind {
  name: string;
  request: (i: number, pool: number) => SearchRequest;
}

const inbox = { inboxIds: ['default'] };
const page = (q: string, more: Partial<SearchRequest> = {}): SearchRequest => ({
  terms: parseSearchQuery(q),
  filter: inbox,
  limit: 20,
  ...more,
});
const KINDS: Kind[] = [
  { name: 'frequent word', request: () => page(wordAt(0)) },
  { name: 'medium word', request: (i) => page(wordAt(60 + (i % 20))) },
  { name: 'rare (order ref)', request: (i, pool) => page(`CMD${(i * 7919) % pool}`) },
  { name: 'two words', request: (i) => page(`${wordAt(0)} ${wordAt(60 + (i % 20))}`) },
  {
    name: 'filtered (resolved, 30 days)',
    request: (i) =>
      page(wordAt(60 + (i % 20)), {
        filter: { ...inbox, status: 'resolved', from: Date.now() - 30 * DAY },
      }),
  },
];

/** A kind stops early once its queries have taken this long, so one slow kind cannot hold the run. */
const KIND_BUDGET_MS = 60_000;

async function measure(store: Store, kind: Kind, pool: number, queries: number) {
  const latencies: number[] = [];
  let hits = 0;
  const started = performance.now();
  for (let i = 0; i < queries && performance.now() - started < KIND_BUDGET_MS; i++) {
    const request = kind.request(i, pool);
    const t = performance.now();
    const result = await store.searchConversations(request);
    latencies.push(performance.now() - t);
    hits += result.hits.length;
  }
  return { ...latencySummary(latencies), meanHits: hits / latencies.length, count: latencies.length };
}

async function nextPages(store: Store, queries: number) {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < queries && performance.now() - started < KIND_BUDGET_MS; i++) {
    const first = await store.searchConversations(page(wordAt(60 + (i % 20))));
    if (first.next === undefined) continue;
    const t = performance.now();
    await store.searchConversations(page(wordAt(60 + (i % 20)), { after: first.next }));
    latencies.push(performance.now() - t);
  }
  return { ...latencySummary(latencies), meanHits: 20, count: latencies.length };
}

export async function searchBench({ quick }: { quick: boolean }): Promise<string> {
  const target = Number(process.env.BENCH_SEARCH_MESSAGES ?? (quick ? 20_000 : 1_000_000));
  const budgetMs = Number(process.env.BENCH_SEARCH_BUDGET_MS ?? (quick ? 30_000 : 300_000));
  const queries = quick ? 20 : 100;
  const m = machine();
  const dir = mkdtempSync(join(tmpdir(), 'candor-bench-search-'));
  const backends: Backend[] = [sqliteBackend(dir)];
  const pgProblem = await postgresUnavailable();
  if (pgProblem === undefined) backends.push(postgresBackend());
  const results: Record<string, unknown>[] = [];
  const rows: string[][] = [];
  const loads: string[][] = [];
  try {
    for (const backend of backends) {
      process.stderr.write(
        `search: ${backend.name}, loading up to ${target.toLocaleString('en')} messages\n`,
      );
      const store = await backend.open();
      try {
        const loaded = await load(backend, store, target, budgetMs);
        const pool = referencePool(target);
        loads.push([
          backend.name,
          loaded.messages.toLocaleString('en'),
          fmt(loaded.loadMs / 1000, 0),
          fmt(loaded.indexMs / 1000, 0),
          fmt((loaded.indexMs * 1000) / loaded.messages, 0),
        ]);
        const measured: Record<string, unknown> = {};
        for (const kind of KINDS) {
          const r = await measure(store, kind, pool, queries);
          measured[kind.name] = r;
          rows.push([
            backend.name,
            kind.name,
            String(r.count),
            fmt(r.p50, 1),
            fmt(r.p99, 1),
            fmt(r.meanHits, 1),
          ]);
        }
        const next = await nextPages(store, queries);
        measured['next page'] = next;
        rows.push([
          backend.name,
          'next page (cursor)',
          String(next.count),
          fmt(next.p50, 1),
          fmt(next.p99, 1),
          '20',
        ]);
        results.push({ backend: backend.name, ...loaded, queries, measured });
      } finally {
        await backend.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  m.loadAfter = (await import('node:os')).loadavg()[0];
  const markdown = [
    `## Search (up to ${queries} queries of each kind or ${KIND_BUDGET_MS / 1000} s, 20 conversations a page)`,
    machineLine(m),
    pgProblem === undefined ? '' : `PostgreSQL skipped: ${pgProblem}`,
    '',
    table(
      ['Store', 'messages loaded', 'load s (total)', 'of which indexing s', 'indexing µs/message'],
      loads,
    ),
    '',
    table(['Store', 'query', 'queries run', 'p50 ms', 'p99 ms', 'conversations returned (mean)'], rows),
  ].join('\n');
  writeReport('search', { quick, machine: m, target, budgetMs, results }, markdown);
  return markdown;
}
