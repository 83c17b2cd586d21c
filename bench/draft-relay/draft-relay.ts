/**
 * Typing preview relay: every visitor sends 5 draft updates a second (Candor: after switching the
 * preview on with the notice shown); admin sockets following all the conversations receive them.
 * Candor coalesces (latest wins, ≤ 5 relays a second per conversation), so at exactly 5/s nothing
 * should be dropped; the table says how much arrived. The relays forward every draft as is.
 */
import { loadavg } from 'node:os';
import { alternate, relayTrial, type RelayParams } from '../lib/trial';
import { mediansBySystem, verdict } from '../lib/summary';
import { fmt, ratio } from '../lib/stats';
import { SYSTEMS, type SystemId } from '../lib/systems';
import { machine, machineLine, table, writeReport } from '../lib/report';
import type { BenchOptions } from '../message-path/message-path';

const SYSTEMS_UNDER_TEST: SystemId[] = ['candor-sqlite', 'bare-ws', 'socketio'];
const DRAFTS_PER_SECOND = 5;

export async function draftRelay(options: BenchOptions): Promise<string> {
  const m = machine();
  const conversations = options.quick ? 50 : 2000;
  const params: RelayParams = {
    what: 'draft',
    visitors: conversations,
    agents: options.quick ? 2 : 20,
    mode: { type: 'rate', perSecond: conversations * DRAFTS_PER_SECOND },
    ...(options.quick ? { warmupS: 0.5, measureS: 3, drainS: 1 } : { warmupS: 3, measureS: 15, drainS: 2 }),
  };
  const runs = options.quick ? 1 : 3;
  const title =
    `${conversations} conversations, ${DRAFTS_PER_SECOND} drafts/s each (${conversations * DRAFTS_PER_SECOND}/s), ` +
    `${params.agents} admin sockets following them`;
  process.stderr.write(`draft-relay: ${title}\n`);
  const bySystem = await alternate(SYSTEMS_UNDER_TEST, runs, (system, run) =>
    relayTrial(system, run, params),
  );
  const med = mediansBySystem(bySystem);
  const bare = med.get('bare-ws');
  const sio = med.get('socketio');
  const perSent = (r: { serverCpuMs: number; sent: number }) => (r.serverCpuMs * 1000) / r.sent;
  const rows = [...med].map(([system, r]) => [
    SYSTEMS[system].label,
    fmt(r.sent / r.windowS, 0),
    fmt(r.deliveredPerS, 0),
    `${fmt((r.delivered / r.sent) * 100, 2)} %`,
    fmt(r.p50Ms, 2),
    fmt(r.p99Ms, 2),
    fmt(r.serverCpuUsPerDelivered, 1),
    fmt(ratio(r.serverCpuUsPerDelivered, bare?.serverCpuUsPerDelivered ?? NaN), 2) + '×',
    fmt(ratio(r.serverCpuUsPerDelivered, sio?.serverCpuUsPerDelivered ?? NaN), 2) + '×',
    fmt(perSent(r), 1),
    fmt(r.serverCpuPct, 0),
    String(r.errors),
    `${fmt(r.generatorCpuPct, 0)} % · ${fmt(r.generatorLoopDelayP99Ms, 0)} ms · ${fmt(r.otherLoadCores, 2)}`,
  ]);
  const candor = med.get('candor-sqlite');
  const goals =
    candor && bare && sio
      ? `Goals, Candor: p99 ≤ 1.5× bare p99 + 2 ms (${fmt(1.5 * bare.p99Ms + 2, 2)} ms): ${fmt(candor.p99Ms, 2)} ms — ` +
        `${verdict(candor.p99Ms <= 1.5 * bare.p99Ms + 2)}; CPU per relayed draft ≤ 1.5× bare: ` +
        `${fmt(ratio(candor.serverCpuUsPerDelivered, bare.serverCpuUsPerDelivered), 2)}× — ` +
        `${verdict(candor.serverCpuUsPerDelivered <= 1.5 * bare.serverCpuUsPerDelivered)}; < 0.8× Socket.IO: ` +
        `${fmt(ratio(candor.serverCpuUsPerDelivered, sio.serverCpuUsPerDelivered), 2)}× — ` +
        `${verdict(candor.serverCpuUsPerDelivered < 0.8 * sio.serverCpuUsPerDelivered)}.`
      : '';
  m.loadAfter = loadavg()[0];
  const markdown = [
    `## Typing preview relay (medians of ${runs} alternating run${runs > 1 ? 's' : ''})`,
    '',
    machineLine(m),
    '',
    `### ${title}`,
    '',
    table(
      [
        'System',
        'drafts sent/s',
        'relayed/s',
        'delivered/sent',
        'p50 ms',
        'p99 ms',
        'server CPU µs per relayed draft',
        'vs bare',
        'vs Socket.IO',
        'server CPU µs per draft sent',
        'server CPU % of a core',
        'errors',
        'generator CPU · its loop delay p99 · other load (cores)',
      ],
      rows,
    ),
    '',
    goals,
  ].join('\n');
  writeReport(
    'draft-relay',
    { name: 'draft-relay', quick: options.quick, machine: m, params, trials: Object.fromEntries(bySystem) },
    markdown,
  );
  return markdown;
}
