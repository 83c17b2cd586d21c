/**
 * One Candor node as a child process (`cli.ts serve` through tsx), on a fixed loopback port so it can be
 * killed with SIGKILL and started again where clients look for it. Its JSON log lines are counted by
 * message, and an exit nobody asked for is remembered as a crash.
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { endProcess, hasExited, residentBytes, spawnTracked } from './child-process';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const STARTUP_MS = 60_000;
/** Variables of the caller that would configure the node behind our back. */
const INHERITED_CONFIG = /^(CANDOR_|DATABASE_URL$|REDIS_URL$|NATS_URL$|PORT$|HOST$|LOG_LEVEL$|NODE_TEST_)/;

export class CandorNode {
  private child: ChildProcess | undefined;
  private expectingExit = false;
  /** Log lines by `msg` (warn and above), over every run of this node. */
  readonly logCounts = new Map<string, number>();
  /** The first line logged with each `msg`. */
  readonly logExamples = new Map<string, string>();
  /** Exits nobody asked for: a crash. */
  readonly crashes: string[] = [];
  private readonly tail: string[] = [];
  /** Told about every log line's `msg`, e.g. to count it in the current phase. */
  onLog: (msg: string) => void = () => undefined;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.child !== undefined && !hasExited(this.child);
  }

  get pid(): number | undefined {
    return this.alive ? this.child?.pid : undefined;
  }

  /** Resolves once the node prints that it is running. */
  async start(): Promise<void> {
    const inherited = Object.entries(process.env).filter(([k]) => !INHERITED_CONFIG.test(k));
    const env = { ...Object.fromEntries(inherited), ...this.env, PORT: String(this.port), HOST: '127.0.0.1' };
    const child = spawnTracked(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.expectingExit = false;
    createInterface({ input: child.stdout! }).on('line', (line) => this.logLine(line));
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: not running after ${STARTUP_MS} ms`)),
        STARTUP_MS,
      );
      createInterface({ input: child.stderr! }).on('line', (line) => {
        this.remember(line);
        if (line.startsWith('Candor is running:')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited during start (${code ?? signal}): ${this.tail.join('\n')}`));
      });
    });
    child.once('exit', (code, signal) => {
      if (!this.expectingExit) this.crashes.push(`${this.name} exited (${code ?? signal})`);
    });
    await ready;
  }

  /** A crash: SIGKILL, no goodbye to clients, nothing flushed. */
  async kill(): Promise<void> {
    this.expectingExit = true;
    if (this.child) await endProcess(this.child);
  }

  /** A clean shutdown (SIGTERM), then SIGKILL if it takes too long. */
  async stop(): Promise<void> {
    this.expectingExit = true;
    if (this.child) await endProcess(this.child, 10_000);
  }

  rss(): Promise<number | undefined> {
    return residentBytes(this.pid);
  }

  /** /healthz and /readyz (the store answers) both 200. */
  async healthy(): Promise<boolean> {
    const ok = async (path: string) =>
      (await fetch(`${this.url}${path}`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined))
        ?.status === 200;
    return (await ok('/healthz')) && (await ok('/readyz'));
  }

  lastLines(): string[] {
    return [...this.tail];
  }

  private logLine(line: string): void {
    this.remember(line);
    let msg = 'unparsed log line';
    try {
      const parsed = JSON.parse(line) as { msg?: unknown };
      if (typeof parsed.msg === 'string') msg = parsed.msg;
    } catch {
      // a line that is not JSON still counts
    }
    this.logCounts.set(msg, (this.logCounts.get(msg) ?? 0) + 1);
    if (!this.logExamples.has(msg)) this.logExamples.set(msg, line.slice(0, 300));
    this.onLog(msg);
  }

  private remember(line: string): void {
    this.tail.push(line.slice(0, 500));
    if (this.tail.length > 20) this.tail.shift();
  }
}
