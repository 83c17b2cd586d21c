/**
 * Memory per idle widget connection: RSS of the server process after N connections and a settle
 * (with forced full GCs), minus its RSS before any, divided by N. Candor's connections are visitors
 * that said hello (what an open widget does); the relays' are plain connected sockets.
 */
import { loadavg } from 'node:os';
import { spawnChild } from '../lib/children';
import { alternate } from '../lib/trial';
import { mediansBySystem, verdict } from '../lib/summary';
import { fmt, ratio } from '../lib/stats';
import { SYSTEMS, startSystem, type SystemId } from '../lib/systems';
import { machine, machineLine, table, writeReport } from '../lib/report';
import type { ConnectParams } from './connector';
import type { BenchOptions } from '../message-path/message-path';

interface IdleTrial {
  system: SystemId;
  run: number;
  connections: number;
  connectS: number;
  baseRssMb: number;
  rssMb: number;
  kibPerConnection: number;
  heapKibPerConnection: number;
}

const SYSTEMS_UNDER_TEST: SystemId[] = ['candor-sqlite', 'bare-ws', 'socketio'];

async function idleTrial(system: SystemId, run: number, count: number, settleMs: number): Promise<IdleTrial> {
  const sys = await startSystem(system);
  try {
    const connector = await spawnChild('bench/idle-connections/connector.ts', []);
    try {
      const base = await sys.usage(true);
      const params: ConnectParams = {
        protocol: sys.protocol,
        endpoints: sys.endpoints,
        count,
        concurrency: 100,
        sourceAddresses: 4,
      };
      const { connected, seconds } = await connector.rpc.call<{ connected: number; seconds: number }>(
        'connect',
        params,
        15 * 60_000,
      );
      await new Promise((r) => setTimeout(r, settleMs));
      const after = await sys.usage(true);
      await connector.rpc.call('close');
      return {
        system,
        run,
        connections: connected,
        connectS: seconds,
        baseRssMb: base.rss / 2 ** 20,
        rssMb: after.rss / 2 ** 20,
        kibPerConnection: (after.rss - base.rss) / connected / 1024,
        heapKibPerConnection: (after.heapUsed - base.heapUsed) / connected / 1024,
      };
    } finally {
      await connector.stop();
    }
  } finally {
    await sys.stop();
  }
}

export async function idleConnections(options: BenchOptions): Promise<string> {
  const m = machine();
  const count = options.quick ? 300 : 15_000;
  const runs = options.quick ? 1 : 3;
  process.stderr.write(`idle-connections: ${count} connections per system\n`);
  const bySystem = await alternate(SYSTEMS_UNDER_TEST, runs, (s, run) =>
    idleTrial(s, run, count, options.quick ? 1000 : 5000),
  );
  const med = mediansBySystem(bySystem);
  const bare = med.get('bare-ws');
  const sio = med.get('socketio');
  const candor = med.get('candor-sqlite');
  const rows = [...med].map(([system, r]) => [
    SYSTEMS[system].label,
    fmt(r.connections, 0),
    fmt(r.kibPerConnection, 1),
    fmt(ratio(r.kibPerConnection, bare?.kibPerConnection ?? NaN), 2) + '×',
    fmt(r.heapKibPerConnection, 1),
    fmt(r.baseRssMb, 0),
    fmt(r.rssMb, 0),
    fmt(r.connectS, 1),
  ]);
  m.loadAfter = loadavg()[0];
  const goals =
    candor && bare && sio
      ? `Goals, Candor: ≤ 2× bare: ${fmt(ratio(candor.kibPerConnection, bare.kibPerConnection), 2)}× — ` +
        `${verdict(candor.kibPerConnection <= 2 * bare.kibPerConnection)}; below Socket.IO ` +
        `(${fmt(sio.kibPerConnection, 1)} KiB): ${verdict(candor.kibPerConnection < sio.kibPerConnection)}.`
      : '';
  const markdown = [
    `## Idle connections (medians of ${runs} alternating run${runs > 1 ? 's' : ''}, ${count} connections each)`,
    '',
    machineLine(m),
    '',
    table(
      [
        'System',
        'connections',
        'RSS KiB per connection',
        'vs bare',
        'JS heap KiB per connection',
        'RSS before MB',
        'RSS after MB',
        'connect time s',
      ],
      rows,
    ),
    '',
    goals,
  ].join('\n');
  writeReport(
    'idle-connections',
    {
      name: 'idle-connections',
      quick: options.quick,
      machine: m,
      count,
      trials: Object.fromEntries(bySystem),
    },
    markdown,
  );
  return markdown;
}
