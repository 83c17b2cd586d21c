/**
 * Scale-out: the message path at a fixed rate on one Candor node (PostgreSQL) and on two nodes sharing
 * the database, fanning out over Redis or NATS. Each pass (PASSES) is its own set of alternating runs
 * with the one-node system run again beside it; visitors are placed one of two ways:
 *   crossing     visitors on node A, the agent on node B: every message crosses the bus (worst case);
 *   round-robin  visitors spread over both nodes in turn, the agent on node B: about half cross, as
 *                behind a balancer without sticky sessions.
 * Crossing passes also run the bare relay: node B must at least read each message from a socket and
 * write it to another, which is all the bare relay does, so 1 + share crossing × bare / one node is a
 * floor no bus can go under. Server CPU is both nodes together; the database and bus servers' own CPU
 * is shown apart.
 */
import { loadavg } from 'node:os';
import { alternate, relayTrial, type RelayParams, type RelayTrial } from '../lib/trial';
import { mediansBySystem, verdict, type Medians } from '../lib/summary';
import { relayTable } from '../lib/relay-table';
import { fmt, ratio } from '../lib/stats';
import {
  NATS_URL,
  REDIS_URL,
  SYSTEMS,
  postgresUnavailable,
  tcpUnavailable,
  type Placement,
  type SystemId,
} from '../lib/systems';
import { machine, machineLine, writeReport } from '../lib/report';
import type { BenchOptions } from '../message-path/message-path';

const GOAL = 1.3;
/**
 * At 200 messages/s one node uses about a sixth of a core and each message pays for waking the process
 * up; at 2,000 one node is busy and those costs are shared, which is when a second node is wanted.
 */
const PASSES: { placement: Placement; rate: number; visitors: number }[] = [
  { placement: 'crossing', rate: 200, visitors: 100 },
  { placement: 'round-robin', rate: 200, visitors: 100 },
  { placement: 'crossing', rate: 2000, visitors: 400 },
];
/** Per placement: the share of messages that cross the bus, and where the visitors are, for titles. */
const PLACEMENTS: Record<Placement, { crossing: number; where: string }> = {
  crossing: { crossing: 1, where: 'on node A, 1 agent socket on node B: every message crosses' },
  'round-robin': {
    crossing: 0.5,
    where: 'spread over both nodes in turn, 1 agent socket on node B: half cross',
  },
};

export async function scaleOut(options: BenchOptions): Promise<string> {
  const m = machine();
  const pgProblem = await postgresUnavailable();
  if (pgProblem) return `## Scale-out\n\nSkipped: ${pgProblem}.`;
  const skipped: string[] = [];
  const twoNodes: SystemId[] = [];
  for (const [id, url] of [
    ['candor-redis-2', REDIS_URL],
    ['candor-nats-2', NATS_URL],
  ] as const) {
    const problem = await tcpUnavailable(url);
    if (problem) skipped.push(`${id} skipped: ${problem}.`);
    else twoNodes.push(id);
  }
  const runs = options.quick ? 1 : 3;
  const timing = options.quick
    ? { warmupS: 0.5, measureS: 3, drainS: 2 }
    : { warmupS: 3, measureS: 15, drainS: 5 };
  const sections: string[] = [];
  const passes: Record<string, { title: string; params: RelayParams; trials: Record<string, RelayTrial[]> }> =
    {};
  for (const pass of PASSES) {
    const rate = options.quick ? pass.rate / 2 : pass.rate;
    const visitors = options.quick ? pass.visitors / 5 : pass.visitors;
    const params: RelayParams = {
      what: 'message',
      visitors,
      agents: 1,
      mode: { type: 'rate', perSecond: rate },
      placement: pass.placement,
      ...timing,
    };
    const title = `${rate} messages/s from ${visitors} visitors ${PLACEMENTS[pass.placement].where}`;
    process.stderr.write(`scale-out, ${pass.placement}: ${title}\n`);
    const systems: SystemId[] = [
      'candor-postgres',
      ...twoNodes,
      ...(pass.placement === 'crossing' ? ['bare-ws' as const] : []),
    ];
    const bySystem = await alternate(systems, runs, (system, run) => relayTrial(system, run, params));
    passes[`${pass.placement}@${rate}`] = { title, params, trials: Object.fromEntries(bySystem) };
    const med = mediansBySystem(bySystem);
    sections.push(
      `### ${title}\n\n${relayTable(med, 'candor-postgres', true)}\n\n${goals(med, pass.placement)}`,
    );
  }
  m.loadAfter = loadavg()[0];
  const markdown = [
    `## Scale-out (medians of ${runs} alternating run${runs > 1 ? 's' : ''} per placement)`,
    '',
    machineLine(m),
    ...skipped.map((s) => `\n${s}`),
    '',
    sections.join('\n\n'),
  ].join('\n');
  writeReport('scale-out', { name: 'scale-out', quick: options.quick, machine: m, passes }, markdown);
  return markdown;
}

function goals(med: Map<SystemId, Medians<RelayTrial>>, placement: Placement): string {
  const one = med.get('candor-postgres');
  const bare = med.get('bare-ws');
  if (!one) return '';
  const floor = bare
    ? 1 + PLACEMENTS[placement].crossing * ratio(bare.serverCpuUsPerDelivered, one.serverCpuUsPerDelivered)
    : undefined;
  const lines = [...med]
    .filter(([system]) => system.endsWith('-2'))
    .map(([system, r]) => {
      const x = ratio(r.serverCpuUsPerDelivered, one.serverCpuUsPerDelivered);
      return `- ${SYSTEMS[system].label}: ${fmt(x, 2)}× one node (goal ≤ ${GOAL}×) — ${verdict(x <= GOAL)}.`;
    });
  return [
    `Goal: CPU per delivered message with 2 nodes ≤ ${GOAL}× one node's. ` +
      (floor === undefined
        ? ''
        : `Floor from this pass's bare relay: 1 + ${PLACEMENTS[placement].crossing} × bare / one node = ${fmt(floor, 2)}×.`),
    '',
    ...lines,
  ].join('\n');
}
