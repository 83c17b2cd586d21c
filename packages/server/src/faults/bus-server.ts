/**
 * A private redis-server or nats-server on a free loopback port, so killing and restarting it disturbs
 * nobody else's tests. A restart is a crash (SIGKILL) and a fresh start on the same port: the server
 * comes back empty, as Redis without persistence or core NATS do.
 */
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { accepts, freePort, missingBinary } from '../bus/bus-test-servers';
import { endProcess, hasExited, spawnTracked } from './child-process';

export type BusKind = 'redis' | 'nats';

const BINARIES: Record<BusKind, string> = {
  redis: process.env.REDIS_SERVER_BIN ?? 'redis-server',
  nats: process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server',
};

/** Why this bus cannot be started here, or undefined. */
export function busUnavailable(kind: BusKind): string | undefined {
  return missingBinary(BINARIES[kind]);
}

export class BusServer {
  private child: ChildProcess | undefined;

  private constructor(
    readonly kind: BusKind,
    readonly port: number,
  ) {}

  static async start(kind: BusKind): Promise<BusServer> {
    const server = new BusServer(kind, await freePort());
    await server.start();
    return server;
  }

  /** The node's environment variable for this bus. */
  get env(): Record<string, string> {
    return this.kind === 'redis'
      ? { REDIS_URL: `redis://127.0.0.1:${this.port}` }
      : { NATS_URL: `nats://127.0.0.1:${this.port}` };
  }

  async start(): Promise<void> {
    const args =
      this.kind === 'redis'
        ? ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']
        : ['-a', '127.0.0.1', '-p', String(this.port)];
    const child = spawnTracked(BINARIES[this.kind], args, { stdio: 'ignore', cwd: tmpdir() });
    this.child = child;
    const deadline = Date.now() + 10_000;
    while (!(await accepts(this.port))) {
      if (hasExited(child)) throw new Error(`${this.kind} exited (${child.exitCode ?? child.signalCode})`);
      if (Date.now() > deadline) throw new Error(`${this.kind} not listening on ${this.port}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** SIGKILL: every client connection drops at once. */
  async kill(): Promise<void> {
    if (this.child) await endProcess(this.child);
  }
}
