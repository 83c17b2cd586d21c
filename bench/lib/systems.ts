/**
 * The systems under test, as the parent starts them: each in its own child process(es), with the temp
 * data dir or PostgreSQL schema it needs removed afterwards, and its CPU time and RSS on request.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import type { Usage } from './child-main';
import { onCleanup, spawnChild, type Child } from './children';
import { processCpu, processCpuUs, processRss } from './machine-load';
import { systemBundle } from './system-bundle';

export type SystemId =
  | 'candor-sqlite'
  | 'candor-postgres'
  | 'candor-redis-2'
  | 'candor-nats-2'
  | 'bare-ws'
  | 'floor-sqlite'
  | 'floor-postgres'
  | 'socketio';
/** The wire protocol the load generator speaks to a system. */
export type WireProtocol = 'candor' | 'bare' | 'socketio';

/** `services`: command names of the servers a system relies on, whose CPU time is reported apart. */
export const SYSTEMS: Record<SystemId, { label: string; protocol: WireProtocol; services: string[] }> = {
  'candor-sqlite': { label: 'Candor, embedded store', protocol: 'candor', services: [] },
  'candor-postgres': { label: 'Candor, PostgreSQL', protocol: 'candor', services: ['postgres'] },
  'candor-redis-2': {
    label: 'Candor ×2 nodes, PostgreSQL + Redis bus',
    protocol: 'candor',
    services: ['postgres', 'redis-server'],
  },
  'candor-nats-2': {
    label: 'Candor ×2 nodes, PostgreSQL + NATS bus',
    protocol: 'candor',
    services: ['postgres', 'nats-server'],
  },
  'bare-ws': { label: 'bare ws relay (floor)', protocol: 'bare', services: [] },
  'floor-sqlite': {
    label: 'bare ws relay + 1 SQLite commit per message (storing floor)',
    protocol: 'bare',
    services: [],
  },
  'floor-postgres': {
    label: 'bare ws relay + 1 PostgreSQL commit per message (storing floor)',
    protocol: 'bare',
    services: ['postgres'],
  },
  socketio: { label: 'Socket.IO relay, no storage', protocol: 'socketio', services: [] },
};

export const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const NATS_URL = process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222';

export interface Endpoints {
  /** Where visitors connect: visitor i to the i-th modulo the length (see visitorUrlFor). */
  visitorUrls: string[];
  /** Where agents connect: the last node. */
  agentUrl: string;
}

/**
 * Where a two-node system's visitors connect. `crossing`: all on node A while the agents are on node B,
 * so every message crosses the bus (the worst case). `round-robin`: spread over both nodes in turn, as
 * a balancer without sticky sessions spreads them, so about half the messages cross.
 */
export type Placement = 'crossing' | 'round-robin';

export interface RunningSystem {
  id: SystemId;
  protocol: WireProtocol;
  endpoints: Endpoints;
  /** Asked of the system's processes (after full GCs if `gc`), summed: for memory at rest. */
  usage(gc?: boolean): Promise<Usage>;
  /** `--profile`: starts, or stops and writes (as `<name>.node<i>.cpuprofile`), window profiles. */
  profile(phase: 'start' | 'end', name: string): Promise<void>;
  /** Read from /proc by the parent, summed over the system's processes: for CPU under load. */
  cpuUs(): number;
  /** cpuUs of the first process alone (node A, the visitors' node, in scale-out). */
  firstCpuUs(): number;
  /** The kernel's part of cpuUs (system time). */
  systemCpuUs(): number;
  rss(): number;
  stop(): Promise<void>;
}

export async function startSystem(id: SystemId, placement: Placement = 'crossing'): Promise<RunningSystem> {
  const removals: (() => Promise<void> | void)[] = [];
  // Nothing inherited from the shell decides the store or the bus: each system sets its own.
  const env: Record<string, string | undefined> = {
    // The load comes from one address: the per-address limits on new visitors would cap it.
    CANDOR_NEW_VISITORS_PER_IP_PER_MINUTE: '1000000',
    CANDOR_NEW_CONVERSATIONS_PER_IP_PER_MINUTE: '1000000',
    CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP: '100000',
    CANDOR_MAX_AGENT_CONNECTIONS_PER_IP: '100000',
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    NATS_URL: undefined,
  };
  if (id === 'candor-sqlite' || id === 'floor-sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'candor-bench-'));
    env.CANDOR_DATA_DIR = dir;
    removals.push(() => rmSync(dir, { recursive: true, force: true }));
  } else if (id !== 'bare-ws' && id !== 'socketio') {
    const unique = `bench_${process.pid}_${Date.now().toString(36)}`;
    Object.assign(env, { DATABASE_URL, CANDOR_DATABASE_SCHEMA: unique, CANDOR_BUS_PREFIX: unique });
    if (id === 'candor-redis-2') env.REDIS_URL = REDIS_URL;
    if (id === 'candor-nats-2') env.NATS_URL = NATS_URL;
    removals.push(() => dropSchema(unique));
  }
  const cleanup = async () => {
    for (const remove of removals) await remove();
  };
  const forget = onCleanup(cleanup);
  const children: Child[] = [];
  try {
    const server = id.startsWith('candor') ? 'candor' : id.startsWith('floor') ? 'storing-floor' : id;
    const urls: string[] = [];
    // One after the other: the first node migrates the shared schema and creates the admin.
    for (let node = 0; node < (id.endsWith('-2') ? 2 : 1); node++) {
      const child = await spawnChild(await systemBundle(), [server], {
        env,
        tsx: false,
        exposeGc: true,
      });
      children.push(child);
      urls.push((await child.rpc.call<{ url: string }>('start', undefined, 120_000)).url);
    }
    return {
      id,
      protocol: SYSTEMS[id].protocol,
      endpoints: { visitorUrls: placement === 'crossing' ? [urls[0]!] : urls, agentUrl: urls.at(-1)! },
      usage: (gc = false) => sumUsage(children, gc),
      profile: async (phase, name) => {
        if (process.env.BENCH_PROFILE !== '1') return;
        mkdirSync(PROFILE_DIR, { recursive: true });
        await Promise.all(
          children.map((c, i) =>
            phase === 'start'
              ? c.rpc.call('profileStart', undefined, 10_000)
              : c.rpc.call('profileStop', join(PROFILE_DIR, `${name}.node${i}.cpuprofile`), 60_000),
          ),
        );
      },
      cpuUs: () => children.reduce((sum, c) => sum + processCpuUs(c.pid), 0),
      firstCpuUs: () => processCpuUs(children[0]!.pid),
      systemCpuUs: () => children.reduce((sum, c) => sum + processCpu(c.pid).systemUs, 0),
      rss: () => children.reduce((sum, c) => sum + processRss(c.pid), 0),
      stop: async () => {
        await Promise.all(children.map((c) => c.stop()));
        forget();
        await cleanup();
      },
    };
  } catch (err) {
    await Promise.all(children.map((c) => c.stop(1000)));
    forget();
    await cleanup();
    throw err;
  }
}

/** `--profile`: every system process writes a V8 CPU profile of each measuring window there. */
export const PROFILE_DIR = join(tmpdir(), 'candor-bench-profiles');

async function sumUsage(children: Child[], gc: boolean): Promise<Usage> {
  const all = await Promise.all(children.map((c) => c.rpc.call<Usage>('usage', { gc }, 60_000)));
  return all.reduce((a, b) => ({
    cpuUs: a.cpuUs + b.cpuUs,
    rss: a.rss + b.rss,
    heapUsed: a.heapUsed + b.heapUsed,
  }));
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Why a TCP service (Redis, NATS) cannot be used for this run, or undefined. */
export function tcpUnavailable(url: string): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.setTimeout(3000, () => socket.destroy(new Error('timeout')));
    socket.once('connect', () => {
      socket.end();
      resolve(undefined);
    });
    socket.once('error', (err) => resolve(`${url} not reachable: ${err.message}`));
  });
}

/** Why PostgreSQL cannot be used for this run, or undefined. */
export async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${DATABASE_URL} not reachable: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
