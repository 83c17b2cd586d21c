/** The Markdown table of a relay benchmark (message path, scale-out): one row per system, medians. */
import type { Medians } from './summary';
import { fmt, ratio } from './stats';
import { table } from './report';
import { SYSTEMS, type SystemId } from './systems';
import type { RelayTrial } from './trial';

/** `byNode`: also split the server CPU into node A (visitors) and node B (the agent), for scale-out. */
export function relayTable(
  med: Map<SystemId, Medians<RelayTrial>>,
  baseline: SystemId,
  byNode = false,
): string {
  const base = med.get(baseline);
  const rows = [...med].map(([system, r]) => [
    SYSTEMS[system].label,
    fmt(r.deliveredPerS, 0),
    fmt(r.p50Ms, 2),
    fmt(r.p99Ms, 2),
    fmt(r.serverCpuUsPerDelivered, 1),
    `${fmt(ratio(r.serverCpuUsPerDelivered, base?.serverCpuUsPerDelivered ?? NaN), 2)}×`,
    ...(byNode ? [nodeSplit(r)] : []),
    SYSTEMS[system].services.length ? fmt(r.servicesCpuUsPerDelivered, 1) : '–',
    `${fmt(r.serverCpuPct, 0)} (${fmt(r.serverKernelPct, 0)} % kernel)`,
    fmt(r.serverRssMb, 0),
    `${fmt((r.delivered / r.sent) * 100, 2)} %`,
    String(r.errors),
    `${fmt(r.generatorCpuPct, 0)} % · ${fmt(r.generatorLoopDelayP99Ms, 0)} ms · ${fmt(r.otherLoadCores, 2)}`,
  ]);
  return table(
    [
      'System',
      'delivered msg/s',
      'p50 ms',
      'p99 ms',
      'server CPU µs/msg',
      `vs ${baseline === 'bare-ws' ? 'bare' : SYSTEMS[baseline].label}`,
      ...(byNode ? ['node A · node B µs/msg'] : []),
      'DB/bus server CPU µs/msg',
      'server CPU % of a core (kernel share)',
      'server RSS MB',
      'delivered/sent',
      'errors',
      'generator CPU · its loop delay p99 · other load (cores)',
    ],
    rows,
  );
}

function nodeSplit(r: Medians<RelayTrial>): string {
  const b = r.serverCpuUsPerDelivered - r.nodeACpuUsPerDelivered;
  return b < 1
    ? `${fmt(r.nodeACpuUsPerDelivered, 1)} · –`
    : `${fmt(r.nodeACpuUsPerDelivered, 1)} · ${fmt(b, 1)}`;
}
