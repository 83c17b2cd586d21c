/**
 * One trial: a fresh system in its own process(es), a load generator in another, the system's CPU time
 * read at both edges of the generator's measuring window. And the order of trials: alternating
 * (A, B, C, A, B, C, …), so a machine that gets busier or warmer affects every system alike.
 */
import { performance } from 'node:perf_hooks';
import { spawnChild } from './children';
import type { RelayLoadParams, RelayLoadResult } from './relay-load';
import { SYSTEMS, startSystem, type SystemId } from './systems';
import { machineBusyUs, servicesCpuUs } from './machine-load';

export type RelayTrial = RelayLoadResult & {
  system: SystemId;
  run: number;
  deliveredPerS: number;
  serverCpuMs: number;
  serverCpuUsPerDelivered: number;
  /** Node A's share (the visitors' node; all of it when there is one process). */
  nodeACpuUsPerDelivered: number;
  /** Server CPU time over the window, in % of one core. */
  serverCpuPct: number;
  /** The kernel's share of the server's CPU time (syscalls, socket writes, fsync), in %. */
  serverKernelPct: number;
  serverRssMb: number;
  /** CPU time of the database / bus servers per delivered frame (0 when the system has none). */
  servicesCpuUsPerDelivered: number;
  /** Cores' worth of CPU used by other processes (not the system, not the generator) in the window. */
  otherLoadCores: number;
};

export type RelayParams = Omit<RelayLoadParams, 'protocol' | 'endpoints'>;

export async function relayTrial(system: SystemId, run: number, params: RelayParams): Promise<RelayTrial> {
  const sys = await startSystem(system, params.placement);
  const marks: Partial<
    Record<
      'start' | 'end',
      {
        at: number;
        cpuUs: number;
        firstUs: number;
        systemUs: number;
        rss: number;
        machineUs: number;
        servicesUs: number;
      }
    >
  > = {};
  try {
    const generator = await spawnChild('bench/lib/relay-load.ts', [], {
      handlers: {
        mark: async (phase) => {
          marks[phase as 'start' | 'end'] = {
            at: performance.now(),
            cpuUs: sys.cpuUs(),
            firstUs: sys.firstCpuUs(),
            systemUs: sys.systemCpuUs(),
            rss: sys.rss(),
            machineUs: machineBusyUs(),
            servicesUs: servicesCpuUs(SYSTEMS[system].services),
          };
          // --profile: V8 profiles of the measuring window (the profiler's own cost is inside it).
          await sys.profile(phase as 'start' | 'end', `${system}.${params.mode.type}.run${run}`);
          return true;
        },
      },
    });
    try {
      const full: RelayLoadParams = { ...params, protocol: sys.protocol, endpoints: sys.endpoints };
      await generator.rpc.call('setup', full, 15 * 60_000);
      const timeoutMs = (params.warmupS + params.measureS + params.drainS + 120) * 1000;
      const result = await generator.rpc.call<RelayLoadResult>('run', undefined, timeoutMs);
      const { start, end } = marks;
      if (!start || !end) throw new Error('the generator did not mark its window');
      const cpuUs = end.cpuUs - start.cpuUs;
      // The parent's marks bracket the generator's window by one IPC hop each side: CPU shares use them.
      const windowUs = (end.at - start.at) * 1000;
      const generatorUs = (result.generatorCpuPct / 100) * result.windowS * 1e6;
      const servicesUs = end.servicesUs - start.servicesUs;
      const otherUs = end.machineUs - start.machineUs - cpuUs - generatorUs - servicesUs;
      return {
        ...result,
        system,
        run,
        deliveredPerS: result.receivedInWindow / result.windowS,
        serverCpuMs: cpuUs / 1000,
        serverCpuUsPerDelivered: cpuUs / result.receivedInWindow,
        nodeACpuUsPerDelivered: (end.firstUs - start.firstUs) / result.receivedInWindow,
        serverCpuPct: (cpuUs / windowUs) * 100,
        serverKernelPct: ((end.systemUs - start.systemUs) / cpuUs) * 100,
        serverRssMb: end.rss / 2 ** 20,
        servicesCpuUsPerDelivered: servicesUs / result.receivedInWindow,
        otherLoadCores: Math.max(0, otherUs / windowUs),
      };
    } finally {
      await generator.stop();
    }
  } finally {
    await sys.stop();
  }
}

/** Runs every system `runs` times in alternating order; trials grouped by system, in run order. */
export async function alternate<T>(
  systems: readonly SystemId[],
  runs: number,
  trial: (system: SystemId, run: number) => Promise<T>,
): Promise<Map<SystemId, T[]>> {
  const only = process.env.BENCH_SYSTEMS?.split(',');
  const chosen = only ? systems.filter((s) => only.includes(s)) : systems;
  const total = Number(process.env.BENCH_RUNS) || runs;
  const out = new Map<SystemId, T[]>(chosen.map((s) => [s, []]));
  for (let run = 1; run <= total; run++) {
    for (const system of chosen) {
      const began = Date.now();
      process.stderr.write(`  run ${run}/${total} ${system} … `);
      const result = await trial(system, run);
      out.get(system)!.push(result);
      process.stderr.write(`done in ${((Date.now() - began) / 1000).toFixed(0)} s\n`);
    }
  }
  return out;
}
