/**
 * The common body of every bench child process: an RPC endpoint to the parent, `usage` (CPU time and
 * memory of this process) and `exit`, and two guards so no child outlives its run: it exits when the
 * parent's channel closes, and after a lifetime limit whatever happens.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Rpc } from './rpc';

export interface Usage {
  /** User + system CPU time of this process since it started, in microseconds. */
  cpuUs: number;
  rss: number;
  heapUsed: number;
}

const LIFETIME_MS = Number(process.env.BENCH_CHILD_LIFETIME_MS ?? 20 * 60_000);

export function usage(): Usage {
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return { cpuUs: cpu.user + cpu.system, rss: mem.rss, heapUsed: mem.heapUsed };
}

/** Full collections (when node runs with --expose-gc), so the RSS that follows is what stays. */
export async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3 && gc; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function childMain(handlers: Record<string, (data: unknown) => unknown>): Rpc {
  if (!process.send) throw new Error('a bench child must be started by bench/run.ts (it needs IPC)');
  const rpc = new Rpc(process, {
    usage: async (data) => {
      if ((data as { gc?: boolean } | undefined)?.gc) await collectGarbage();
      return usage();
    },
    exit: () => {
      setTimeout(() => process.exit(0), 10);
      return true;
    },
    profileStart: () => profiler.start(),
    profileStop: (file) => profiler.stop(file as string),
    ...handlers,
  });
  process.on('disconnect', () => process.exit(0));
  setTimeout(() => {
    process.stderr.write(`bench child ${process.argv[1]} reached its lifetime limit; exiting\n`);
    process.exit(3);
  }, LIFETIME_MS).unref();
  rpc.announce();
  return rpc;
}

/**
 * `--profile`: a V8 CPU profile of the measuring window only (not start-up, warm-up or drain), so the
 * profile's busy time divided by the frames delivered is comparable with the CPU per frame measured.
 */
const profiler = {
  session: undefined as Session | undefined,
  async start(): Promise<boolean> {
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 250 });
    await this.session.post('Profiler.start');
    return true;
  },
  async stop(file: string): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    this.session = undefined;
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    return true;
  },
};
