/**
 * `node --import tsx bench/store-append.ts [--quick]`: how many messages per second the Store acknowledges
 * (durably stored), against the raw one-row-per-commit insert rate of the same table in the same run.
 * SQLite: a temp file, WAL, synchronous=FULL. PostgreSQL: a fresh schema at TEST_DATABASE_URL.
 *   raw         plain INSERT into the migrated messages table, autocommit (one transaction per row),
 *               one after another, through the bare driver
 *   seq         Store.appendMessage, one caller, one after another
 *   c200        Store.appendMessage, 200 concurrent callers across 100 conversations (group commit)
 * Each run stops after 3 s or 20,000 rows; 3 rounds, alternating every mode; medians are reported.
 * Goals: SQLite c200 ≥ 1.0x raw; PostgreSQL c200 ≥ 5x raw. Writes bench/results/store-append.json.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import {
  openPostgresStore,
  openSqliteStore,
  type NewMessage,
  type Store,
} from '../packages/server/src/storage';

const QUICK = process.argv.includes('--quick');
const LIMIT = { ms: QUICK ? 1000 : 3000, rows: 20_000 };
const ROUNDS = QUICK ? 1 : 3;
const BODY =
  'Bonjour, my order #48213 has not arrived yet and the tracking page has said "in transit" for a week. Could you check?';
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MODES = ['raw', 'seq', 'c200'] as const;
type Mode = (typeof MODES)[number];

interface Opened {
  store: Store;
  /** The SQLite file or the PostgreSQL schema. */
  where: string;
  /** Closes the store and removes what it made. */
  drop: () => Promise<void>;
}

interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated store. */
  open(): Promise<Opened>;
  /** Inserts with the bare driver into a fresh migrated store's messages table; returns rows/s. */
  raw(): Promise<number>;
}

const tmp = mkdtempSync(join(tmpdir(), 'candor-bench-'));
let fresh = 0;

const sqlite: Backend = {
  name: 'sqlite',
  async open() {
    const file = join(tmp, `store-${++fresh}.db`);
    const store = await openSqliteStore({ file });
    await store.migrate();
    const drop = async () => {
      await store.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    };
    return { store, where: file, drop };
  },
  async raw() {
    const { store, where, drop } = await this.open();
    const conversationId = (await conversations(store, 1))[0]?.conversationId ?? '';
    const db = new SqliteDatabase(where); // a second connection; the store's own stays idle
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const insert = db.prepare(
      'insert into messages (id, conversation_id, seq, author_type, author_id, body, client_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const rate = measureSequential((i) =>
      Promise.resolve(
        void insert.run(randomUUID(), conversationId, i + 2, 'visitor', 'v', BODY, randomUUID(), Date.now()),
      ),
    );
    return rate.finally(async () => {
      db.close();
      await drop();
    });
  },
};

const postgres: Backend = {
  name: 'postgres',
  async open() {
    const schema = `bench_${randomBytes(5).toString('hex')}`;
    const store = await openPostgresStore({ url: PG_URL, schema });
    await store.migrate();
    const drop = async () => {
      await store.close();
      await adminQuery(`drop schema if exists ${schema} cascade`);
    };
    return { store, where: schema, drop };
  },
  async raw() {
    const { store, where: schema, drop } = await this.open();
    const conversationId = (await conversations(store, 1))[0]?.conversationId ?? '';
    const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    await client.connect();
    const text =
      'insert into messages (id, conversation_id, seq, author_type, author_id, body, client_key, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)';
    const rate = measureSequential(async (i) => {
      const values = [randomUUID(), conversationId, i + 2, 'visitor', 'v', BODY, randomUUID(), Date.now()];
      await client.query({ name: 'raw_insert', text, values });
    });
    return rate.finally(async () => {
      await client.end();
      await drop();
    });
  },
};

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** `n` conversations, each started by its own visitor (not timed). */
async function conversations(store: Store, n: number) {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const visitorId = `v-${randomUUID()}`;
      await store.createVisitor({
        id: visitorId,
        tokenHash: randomUUID(),
        name: 'Bench',
        locale: null,
        createdAt: 0,
      });
      const { conversation } = await store.startConversation(
        { id: `c-${randomUUID()}`, inboxId: 'default', visitorId },
        say(visitorId),
      );
      return { conversationId: conversation.id, visitorId };
    }),
  );
}

function say(visitorId: string): NewMessage {
  return { authorType: 'visitor', authorId: visitorId, body: BODY, clientKey: randomUUID(), now: Date.now() };
}

/** Rows per second of `callers` loops of `work`, until LIMIT. */
async function measure(callers: number, work: (i: number) => Promise<void>): Promise<number> {
  let done = 0;
  let started = 0;
  const t0 = performance.now();
  const loop = async () => {
    while (started < LIMIT.rows && performance.now() - t0 < LIMIT.ms) {
      await work(started++);
      done++;
    }
  };
  await Promise.all(Array.from({ length: callers }, loop));
  return done / ((performance.now() - t0) / 1000);
}

const measureSequential = (work: (i: number) => Promise<void>) => measure(1, work);

async function storeRate(backend: Backend, mode: Exclude<Mode, 'raw'>): Promise<number> {
  const { store, drop } = await backend.open();
  try {
    const targets = await conversations(store, 100);
    const callers = mode === 'seq' ? 1 : 200;
    return await measure(callers, async (i) => {
      const target = targets[i % 100];
      if (target === undefined) throw new Error('no conversation');
      await store.appendMessage(target.conversationId, say(target.visitorId));
    });
  } finally {
    await drop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const runs: Record<string, Record<Mode, number[]>> = {};
  for (let round = 1; round <= ROUNDS; round++) {
    for (const backend of [sqlite, postgres]) {
      for (const mode of MODES) {
        const rate = mode === 'raw' ? await backend.raw() : await storeRate(backend, mode);
        (runs[backend.name] ??= { raw: [], seq: [], c200: [] })[mode].push(rate);
        process.stderr.write(`round ${round} ${backend.name} ${mode}: ${rate.toFixed(0)} msg/s\n`);
      }
    }
  }
  const goals = { sqlite: 1, postgres: 5 };
  const summary = Object.entries(runs).map(([name, byMode]) => {
    const medians = Object.fromEntries(MODES.map((m) => [m, median(byMode[m])])) as Record<Mode, number>;
    const vsRaw = Object.fromEntries(MODES.map((m) => [m, medians[m] / medians.raw])) as Record<Mode, number>;
    const goal = goals[name as keyof typeof goals];
    return {
      store: name,
      medians,
      vsRaw,
      goal: `c200 ≥ ${goal}x raw`,
      met: vsRaw.c200 >= goal,
      runs: byMode,
      // Each round ran raw and c200 back to back: their ratio is less exposed to the machine's drift.
      c200OverRawByRound: byMode.c200.map((rate, i) => rate / (byMode.raw[i] ?? NaN)),
    };
  });
  const lines = [
    `| store | ${MODES.map((m) => `${m} msg/s`).join(' | ')} | c200 / raw | goal |`,
    `|---|${MODES.map(() => '---:').join('|')}|---:|---|`,
    ...summary.map(
      (s) =>
        `| ${s.store} | ${MODES.map((m) => `${s.medians[m].toFixed(0)} (${s.vsRaw[m].toFixed(2)}x)`).join(' | ')} | ${s.vsRaw.c200.toFixed(1)}x | ${s.goal}: ${s.met ? 'met' : 'NOT met'} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    node: process.version,
    // The machine is shared: a high load average (other processes, their fsyncs) lowers every figure.
    loadavg1m: { before: loadBefore[0], after: loadavg()[0] },
    quick: QUICK,
    limit: LIMIT,
    rounds: ROUNDS,
  };
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  const out = new URL('results/store-append.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), machine, summary }, null, 2)}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  })
  .finally(() => rmSync(tmp, { recursive: true, force: true }));
