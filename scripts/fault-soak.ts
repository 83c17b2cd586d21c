/**
 * The long fault run: 1,000 visitor sockets over two Candor nodes sending with idempotency keys, 200 of
 * them cut mid-send, one node killed halfway (and started again), PostgreSQL "restarted" (its proxied
 * connections cut and refused for 2 s; the shared server itself is left alone), then the bus server
 * restarted. Prints what happened per phase; exits non-zero on any violation.
 *
 *   node --import tsx scripts/fault-soak.ts [--bus redis|nats] [--visitors 1000] [--follow-share 0.15]
 *
 * --follow-share: the share of other visitors' conversations each agent follows besides its own
 * (1 = every agent follows all 1,000, which makes every bus resync a storm of store reads).
 *
 * Needs PostgreSQL at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and the
 * redis-server or nats-server binary; without them it says why and exits 0 (1 when CI is set).
 */
import { parseArgs } from 'node:util';
import { busUnavailable, type BusKind } from '../packages/server/src/faults/bus-server';
import { soakPlan } from '../packages/server/src/faults/fault-plans';
import { formatReport } from '../packages/server/src/faults/report';
import { runFaultScenario } from '../packages/server/src/faults/scenario';
import { adminQuery, TEST_DATABASE_URL } from '../packages/server/src/testing/postgres-test-db';

const HARD_LIMIT_MS = 6 * 60_000;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      bus: { type: 'string', default: 'redis' },
      visitors: { type: 'string', default: '1000' },
      'follow-share': { type: 'string' },
    },
  });
  const bus = values.bus;
  if (bus !== 'redis' && bus !== 'nats') throw new Error(`--bus redis|nats, not ${bus}`);
  const visitors = Number(values.visitors);
  if (!Number.isInteger(visitors) || visitors < 10) throw new Error('--visitors: a whole number ≥ 10');
  const followShare = values['follow-share'] === undefined ? undefined : Number(values['follow-share']);
  if (followShare !== undefined && !(followShare >= 0 && followShare <= 1))
    throw new Error('--follow-share: between 0 and 1');
  const missing =
    busUnavailable(bus) ??
    (await adminQuery('select 1').then(
      () => undefined,
      (err: unknown) => `PostgreSQL not reachable at ${TEST_DATABASE_URL}: ${String(err)}`,
    ));
  if (missing !== undefined) {
    console.log(`fault soak skipped: ${missing}`);
    return process.env.CI ? 1 : 0;
  }
  const report = await runFaultScenario({
    ...soakPlan(bus satisfies BusKind, visitors),
    ...(followShare === undefined ? {} : { followShare }),
    progress: (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
  });
  for (const line of formatReport(report)) console.log(line);
  return report.ledger.violations.count === 0 ? 0 : 1;
}

const limit = setTimeout(() => {
  console.error(`fault soak still running after ${HARD_LIMIT_MS / 1000} s: giving up`);
  process.exit(1); // child processes are killed on exit (faults/child-process.ts)
}, HARD_LIMIT_MS);
limit.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
