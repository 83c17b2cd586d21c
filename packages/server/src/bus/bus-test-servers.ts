/**
 * Real servers for the bus tests: a shared one that is reachable or skipped with a reason (a failure
 * when CI is set), and private ones, started on a free loopback port, to stop and start again.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
export { describeIf } from '../testing/describe-if';

/** undefined when `open()` works, else why not. */
export async function unreachable(what: string, open: () => Promise<{ close(): Promise<void> }>) {
  try {
    await (await open()).close();
    return undefined;
  } catch (error) {
    return `${what} not reachable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Why a server binary cannot run here, or undefined. */
export function missingBinary(command: string): string | undefined {
  const res = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return res.error ? `${command} not runnable: ${res.error.message}` : undefined;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  assert.ok(address && typeof address === 'object');
  return address.port;
}

/** A server process of this test, on a fixed loopback port, that can be killed and started again. */
export class ChildServer {
  private child: ChildProcess | undefined;

  constructor(
    private readonly command: string,
    private readonly args: string[],
    readonly port: number,
  ) {}

  async start(): Promise<void> {
    const child = spawn(this.command, this.args, { stdio: 'ignore' });
    this.child = child;
    const deadline = Date.now() + 5_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null) throw new Error(`${this.command} exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`${this.command} not listening on ${this.port}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** SIGKILL: a crash, not a goodbye; clients see their sockets close. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}

/** Whether something listens on this loopback port yet. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Retries `attempt` until it resolves: for a client still reconnecting. */
export async function eventually(attempt: () => Promise<void>, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline) assert.fail(`${what} still failing after ${ms} ms: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
