/**
 * Scale-out: the message path at a fixed rate on one Candor node (PostgreSQL) and on two nodes sharing
 * the database, fanning out over Redis or NATS, with visitors on node A and agents on node B so every
 * message crosses the bus. Server CPU is both nodes together; the database and bus servers' own CPU
 * is shown apart.
 */
import { loadavg } from 'node:os';
import { alternate, relayTrial, type RelayParams } from '../lib/trial';
import { mediansBySystem } from '../lib/summary';
import { relayTable } from '../lib/relay-table';
import { NATS_URL, REDIS_URL, postgresUnavailable, tcpUnavailable, type SystemId } from '../lib/systems';
import { machine, machineLine, writeReport } from '../lib/report';
import type { BenchOptions } from '../message-path/message-path';

export async function scaleOut(options: BenchOptions): Promise<string> {
  const m = machine();
  const pgProblem = await postgresUnavailable();
  if (pgProblem) return `## Scale-out\n\nSkipped: ${pgProblem}.`;
  const skipped: string[] = [];
  const systems: SystemId[] = ['candor-postgres'];
  for (const [id, url] of [
    ['candor-redis-2', REDIS_URL],
    ['candor-nats-2', NATS_URL],
  ] as const) {
    const problem = await tcpUnavailable(url);
    if (problem) skipped.push(`${id} skipped: ${problem}.`);
    else systems.push(id);
  }
  const rate = options.quick ? 100 : 200;
  const visitors = options.quick ? 20 : 100;
  const params: RelayParams = {
    what: 'message',
    visitors,
    agents: 1,
    mode: { type: 'rate', perSecond: rate },
    ...(options.quick ? { warmupS: 0.5, measureS: 3, drainS: 2 } : { warmupS: 3, measureS: 15, drainS: 5 }),
  };
  const runs = options.quick ? 1 : 3;
  const title = `${rate} messages/s from ${visitors} visitors (on node A), 1 agent socket (on node B)`;
  process.stderr.write(`scale-out: ${title}\n`);
  const bySystem = await alternate(systems, runs, (system, run) => relayTrial(system, run, params));
  m.loadAfter = loadavg()[0];
  const markdown = [
    `## Scale-out (medians of ${runs} alternating run${runs > 1 ? 's' : ''})`,
    '',
    machineLine(m),
    ...skipped.map((s) => `\n${s}`),
    '',
    `### ${title}`,
    '',
    relayTable(mediansBySystem(bySystem), 'candor-postgres', true),
  ].join('\n');
  writeReport(
    'scale-out',
    { name: 'scale-out', quick: options.quick, machine: m, params, trials: Object.fromEntries(bySystem) },
    markdown,
  );
  return markdown;
}
