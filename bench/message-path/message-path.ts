/**
 * Message path: V visitors, each in its own conversation, send messages; agent sockets following those
 * conversations receive them. At a fixed total rate (latency, CPU per message) and closed-loop at the
 * most the system sustains. Candor stores every message before relaying it (SQLite or PostgreSQL);
 * the bare ws relay and the Socket.IO relay store nothing.
 */
import { alternate, relayTrial, type RelayParams, type RelayTrial } from '../lib/trial';
import { mediansBySystem, verdict, type Medians } from '../lib/summary';
import { fmt, ratio } from '../lib/stats';
import { SYSTEMS, postgresUnavailable, type SystemId } from '../lib/systems';
import { machine, machineLine, writeReport } from '../lib/report';
import { relayTable } from '../lib/relay-table';
import { loadavg } from 'node:os';

export interface BenchOptions {
  quick: boolean;
}

function modes(quick: boolean): { name: string; title: string; params: RelayParams }[] {
  const timing = quick ? { warmupS: 0.5, measureS: 3, drainS: 2 } : { warmupS: 3, measureS: 15, drainS: 5 };
  const rate = quick ? 100 : 200;
  const visitors = quick ? 20 : 100;
  const maxVisitors = quick ? 50 : 500;
  return [
    {
      name: 'rate',
      title: `Fixed rate: ${rate} messages/s from ${visitors} visitors, 1 agent socket following all`,
      params: { what: 'message', visitors, agents: 1, mode: { type: 'rate', perSecond: rate }, ...timing },
    },
    {
      name: 'max',
      title:
        `Max throughput: closed loop, ${quick ? 50 : 200} messages in flight, ${maxVisitors} visitors ` +
        `(≤ 18 messages/s each, under Candor's per-socket limit), ${quick ? 1 : 5} agent sockets`,
      params: {
        what: 'message',
        visitors: maxVisitors,
        agents: quick ? 1 : 5,
        mode: { type: 'max', window: quick ? 50 : 200, perVisitorHz: 18 },
        ...timing,
      },
    },
  ];
}

export async function messagePath(options: BenchOptions): Promise<string> {
  const m = machine();
  const pgProblem = await postgresUnavailable();
  const systems: SystemId[] = [
    'candor-sqlite',
    ...(pgProblem ? [] : ['candor-postgres' as const]),
    'floor-sqlite',
    ...(pgProblem ? [] : ['floor-postgres' as const]),
    'bare-ws',
    'socketio',
  ];
  const runs = options.quick ? 1 : 3;
  const results: Record<
    string,
    { title: string; params: RelayParams; trials: Record<string, RelayTrial[]> }
  > = {};
  const sections: string[] = [];
  for (const mode of modes(options.quick)) {
    process.stderr.write(`message-path, ${mode.name}: ${mode.title}\n`);
    const bySystem = await alternate(systems, runs, (system, run) => relayTrial(system, run, mode.params));
    results[mode.name] = { title: mode.title, params: mode.params, trials: Object.fromEntries(bySystem) };
    sections.push(`### ${mode.title}\n\n${modeTable(mediansBySystem(bySystem), mode.name === 'rate')}`);
  }
  m.loadAfter = loadavg()[0];
  const markdown = [
    `## Message path (medians of ${runs} alternating run${runs > 1 ? 's' : ''})`,
    '',
    machineLine(m),
    ...(pgProblem ? ['', `Candor on PostgreSQL skipped: ${pgProblem}.`] : []),
    '',
    sections.join('\n\n'),
  ].join('\n');
  writeReport('message-path', { name: 'message-path', quick: options.quick, machine: m, results }, markdown);
  return markdown;
}

function modeTable(med: Map<SystemId, Medians<RelayTrial>>, withGoals: boolean): string {
  const bare = med.get('bare-ws');
  const out = [relayTable(med, 'bare-ws')];
  if (withGoals && bare) {
    for (const [system, floor] of [
      ['candor-sqlite', 'floor-sqlite'],
      ['candor-postgres', 'floor-postgres'],
    ] as const) {
      const r = med.get(system);
      if (!r) continue;
      const cpu = ratio(r.serverCpuUsPerDelivered, bare.serverCpuUsPerDelivered);
      const f = med.get(floor);
      out.push(
        '',
        `Goals, ${SYSTEMS[system].label}: CPU per stored+delivered message ≤ 2× bare: ${fmt(cpu, 2)}× — ` +
          `${verdict(cpu <= 2)}; p99 ≤ bare p99 + 5 ms (${fmt(bare.p99Ms + 5, 2)} ms): ${fmt(r.p99Ms, 2)} ms — ` +
          `${verdict(r.p99Ms <= bare.p99Ms + 5)}.` +
          (f
            ? ` The storing floor on the same store is ` +
              `${fmt(ratio(f.serverCpuUsPerDelivered, bare.serverCpuUsPerDelivered), 2)}× bare; ` +
              `Candor is ${fmt(ratio(r.serverCpuUsPerDelivered, f.serverCpuUsPerDelivered), 2)}× the floor.`
            : ''),
      );
    }
  }
  return out.join('\n');
}
