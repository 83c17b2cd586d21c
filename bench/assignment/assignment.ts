/**
 * `npm run bench -- --only assignment [--quick]`: routing decisions at the Store, as the server runs
 * them (Store.routeInbox + domain/routing/routing-pass.ts, round robin), with 1,000 conversations
 * waiting and 200 online agents, on SQLite (temp file, WAL, synchronous=FULL) and PostgreSQL (fresh
 * schema at TEST_DATABASE_URL):
 *   one    a pass that makes one decision: an agent freed one slot, 1,000 wait. Each pass is timed
 *          (p50/p99); decisions/s = passes run one after another per second.
 *   burst  one pass that fills every free slot: 200 agents x 3 = 600 decisions from 1,000 waiting;
 *          decisions/s = 600 / the pass's time.
 * Writes bench/results/assignment.{json,md}.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPostgresStore, openSqliteStore, type Store } from '../../packages/server/src/storage';
import { decidePass } from '../../packages/server/src/domain/routing/routing-pass';
import { DEFAULT_INBOX_ID } from '../../packages/server/src/domain/types';
import { latencySummary } from '../lib/stats';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const AGENTS = 200;
const WAITING = 1000;
const CAPACITY = 3;
const TIMING = { graceMs: 120_000, staleMs: 90_000 };

interface Opened {
  store: Store;
  drop: () => Promise<void>;
}

async function openSqlite(): Promise<Opened> {
  const dir = mkdtempSync(join(tmpdir(), 'candor-bench-assign-'));
  const store = await openSqliteStore({ file: join(dir, 'bench.db') });
  return { store, drop: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
}

async function openPostgres(): Promise<Opened> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const store = await openPostgresStore({ url: PG_URL, schema });
  return {
    store,
    drop: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

async function waiting(store: Store, count: number, now: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, async (_, j) => {
      const visitorId = randomUUID();
      await store.createVisitor({
        id: visitorId,
        tokenHash: randomUUID(),
        name: 'v',
        locale: null,
        createdAt: now,
      });
      const id = randomUUID();
      await store.startConversation(
        { id, inboxId: DEFAULT_INBOX_ID, visitorId },
        { authorType: 'visitor', authorId: visitorId, body: 'hello', clientKey: null, now: now + i + j },
      );
      return id;
    });
    ids.push(...(await Promise.all(batch)));
  }
  return ids;
}

const pass = (store: Store, now: number) =>
  store.routeInbox(DEFAULT_INBOX_ID, now, (input) =>
    decidePass(input, { now, timing: TIMING, defaultCapacity: CAPACITY }),
  );

interface Result {
  backend: string;
  burstDecisions: number;
  burstMs: number;
  burstPerSecond: number;
  onePasses: number;
  onePerSecond: number;
  oneP50Ms: number;
  oneP99Ms: number;
}

async function measure(backend: string, opened: Opened, passes: number): Promise<Result> {
  const { store } = opened;
  await store.migrate();
  const now = Date.now();
  const agents: string[] = [];
  for (let i = 0; i < AGENTS; i++) {
    const id = randomUUID();
    await store.createAgent({
      id,
      email: `${id}@bench.test`,
      name: `Agent ${i}`,
      role: 'agent',
      passwordHash: 'x',
      active: true,
      createdAt: now,
    });
    await store.setPresence(id, 'bench-node', 1, now);
    agents.push(id);
  }
  await waiting(store, WAITING, now - 60_000);

  const t0 = performance.now();
  const burst = await pass(store, Date.now());
  const burstMs = performance.now() - t0;

  // Keep 1,000 waiting: add what the burst took, then free one slot before each timed pass.
  await waiting(store, burst.assigned.length, now);
  const assigned = burst.assigned.map((c) => ({ id: c.id, agentId: c.assigneeId! }));
  const latencies: number[] = [];
  const started = performance.now();
  let spentOutside = 0;
  for (let i = 0; i < passes; i++) {
    const outside = performance.now();
    const freed = assigned.shift()!;
    await store.updateConversation(freed.id, { status: 'resolved', now: Date.now() });
    spentOutside += performance.now() - outside;
    const t = performance.now();
    const outcome = await pass(store, Date.now());
    latencies.push(performance.now() - t);
    if (outcome.assigned.length !== 1)
      throw new Error(`expected one decision, got ${outcome.assigned.length}`);
    assigned.push({ id: outcome.assigned[0]!.id, agentId: outcome.assigned[0]!.assigneeId! });
  }
  const passingMs = performance.now() - started - spentOutside;
  const { p50, p99 } = latencySummary(latencies);
  return {
    backend,
    burstDecisions: burst.assigned.length,
    burstMs,
    burstPerSecond: (burst.assigned.length / burstMs) * 1000,
    onePasses: passes,
    onePerSecond: (passes / passingMs) * 1000,
    oneP50Ms: p50,
    oneP99Ms: p99,
  };
}

export async function assignment({ quick }: { quick: boolean }): Promise<string> {
  const passes = quick ? 100 : 500;
  const results: Result[] = [];
  for (const [name, open] of [
    ['sqlite', openSqlite],
    ['postgres', openPostgres],
  ] as const) {
    const opened = await open();
    try {
      results.push(await measure(name, opened, passes));
    } finally {
      await opened.drop();
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
  const f = (n: number, d = 1) => n.toFixed(d);
  const md = [
    `## Assignment: ${WAITING} waiting, ${AGENTS} online agents (capacity ${CAPACITY})`,
    '',
    `Machine: ${machine}. ${passes} one-decision passes per store.`,
    '',
    '| store | one decision: per s | p50 ms | p99 ms | burst: decisions | burst ms | burst per s |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.backend} | ${f(r.onePerSecond)} | ${f(r.oneP50Ms, 2)} | ${f(r.oneP99Ms, 2)} | ${r.burstDecisions} | ${f(r.burstMs)} | ${f(r.burstPerSecond)} |`,
    ),
    '',
  ].join('\n');
  mkdirSync(join(import.meta.dirname, '..', 'results'), { recursive: true });
  writeFileSync(
    join(import.meta.dirname, '..', 'results', 'assignment.json'),
    JSON.stringify({ machine, results }, null, 2),
  );
  writeFileSync(join(import.meta.dirname, '..', 'results', 'assignment.md'), md);
  return md;
}
