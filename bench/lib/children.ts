/**
 * Child processes of a bench run. Each is `node [--import tsx] <script>` under `bash -c 'ulimit -n …'`
 * (Node cannot raise its own file limit), with an IPC channel for RPC. Every child and every cleanup
 * step is registered, so an error, Ctrl-C or SIGTERM still ends them all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Rpc } from './rpc';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FILE_LIMIT = 20_000;

const live = new Set<ChildProcess>();
const cleanups = new Set<() => Promise<void> | void>();

export interface Child {
  rpc: Rpc;
  pid: number;
  /** Asks the child to exit, then kills it if it has not within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  /** Added to the parent's environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Handlers for calls the child makes to the parent. */
  handlers?: Record<string, (data: unknown) => unknown>;
  exposeGc?: boolean;
  /** More node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** false for a script already built to JavaScript. Default true. */
  tsx?: boolean;
}

export async function spawnChild(script: string, args: string[], options: SpawnOptions = {}): Promise<Child> {
  const flags = [
    ...(options.tsx === false ? [] : ['--import', 'tsx']),
    ...(options.exposeGc ? ['--expose-gc'] : []),
    ...(options.nodeFlags ?? []),
  ]
    .map((f) => `'${f.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const proc = spawn(
    'bash',
    ['-c', `ulimit -n ${FILE_LIMIT} && exec node ${flags} "$@"`, 'bench-child', script, ...args],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: childEnv(options.env),
    },
  );
  live.add(proc);
  const rpc = new Rpc(proc, options.handlers);
  const exited = new Promise<void>((resolve) =>
    proc.once('exit', (code, signal) => {
      live.delete(proc);
      rpc.failAll(`${script} exited (${signal ?? code})`);
      resolve();
    }),
  );
  await Promise.race([
    rpc.ready,
    exited.then(() => Promise.reject(new Error(`${script} exited before it was ready`))),
  ]);
  const stop = async (graceMs = 10_000) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    rpc.call('exit', undefined, graceMs).catch(() => undefined);
    const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return { rpc, pid: proc.pid ?? -1, stop };
}

/** Runs at the end of the run, and on interruption: remove temp dirs, drop schemas. */
export function onCleanup(fn: () => Promise<void> | void): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export async function cleanUpEverything(): Promise<void> {
  for (const proc of live) proc.kill('SIGKILL');
  for (const fn of [...cleanups]) {
    cleanups.delete(fn);
    try {
      await fn();
    } catch (err) {
      process.stderr.write(`cleanup failed: ${String(err)}\n`);
    }
  }
}

/** Installs the last-resort handlers of the parent process. */
export function killChildrenOnExit(): void {
  process.once('exit', () => {
    for (const proc of live) proc.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping every bench process\n`);
      void cleanUpEverything().finally(() => process.exit(130));
    });
  }
}

function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}
