/** Configuration from the environment: read and checked once, at start. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_COST_LOG2 } from './auth/password';
import { DEFAULT_VISITOR_TOKEN_IDLE_DAYS } from './domain/visitor-tokens';

const list = z
  .string()
  .optional()
  .transform((s) =>
    s
      ? s
          .split(',')
          .map((x) => x.trim().replace(/\/$/, ''))
          .filter(Boolean)
      : [],
  );

const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  CANDOR_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  /** Fan-out between nodes through Redis, e.g. redis://redis:6379 (rediss:// for TLS). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL')
    .optional(),
  /** Fan-out between nodes through NATS: servers, comma-separated, e.g. nats://nats:4222. */
  NATS_URL: list,
  /** Channel/subject prefix, so several deployments can share one Redis or NATS. */
  CANDOR_BUS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ or -')
    .default('candor'),
  /** PostgreSQL schema for Candor's tables, e.g. to share a database with other apps. */
  CANDOR_DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier')
    .default('public'),
  /** Named prepared statements for what every message runs; false behind PgBouncer (transaction mode) before 1.21. */
  CANDOR_DATABASE_PREPARED_STATEMENTS: z.enum(['true', 'false']).default('true'),
  /** Origins of customer sites allowed to open the visitor socket; `*` for any. The server's own is always allowed. */
  CANDOR_ALLOWED_ORIGINS: list,
  CANDOR_ADMIN_EMAIL: z.email().optional(),
  CANDOR_ADMIN_PASSWORD: z.string().min(12, 'CANDOR_ADMIN_PASSWORD needs at least 12 characters').optional(),
  /** Behind a reverse proxy: take the client IP from X-Forwarded-For (rightmost hop). */
  CANDOR_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  CANDOR_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).default(50),
  /** Frames one socket may send per second, and in a burst, before getting rate_limited. */
  CANDOR_FRAME_RATE: z.coerce.number().min(1).default(20),
  CANDOR_FRAME_BURST: z.coerce.number().int().min(1).default(40),
  /**
   * Seconds between WebSocket pings; a socket that did not answer the previous one is dropped. Keep it
   * under the idle timeout of any proxy in front (nginx's proxy_read_timeout is 60 s by default).
   */
  CANDOR_HEARTBEAT_SECONDS: z.coerce.number().min(1).max(600).default(30),
  /** Seconds a new socket has to say hello before it is closed. */
  CANDOR_HELLO_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(10),
  /** Days a visitor's token lasts unused; past them a returning browser starts as a new visitor. */
  CANDOR_VISITOR_TOKEN_IDLE_DAYS: z.coerce.number().min(1).max(3650).default(DEFAULT_VISITOR_TOKEN_IDLE_DAYS),
  CANDOR_PASSWORD_COST: z.coerce.number().int().min(10).max(20).default(DEFAULT_COST_LOG2),
  /** Bearer token for /metrics from other machines; without it, /metrics answers loopback only. */
  CANDOR_METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type BusConfig =
  | { kind: 'local' }
  | { kind: 'redis'; url: string; prefix: string }
  | { kind: 'nats'; servers: string[]; prefix: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseSchema: string;
  databasePreparedStatements: boolean;
  bus: BusConfig;
  allowedOrigins: string[];
  admin: { email: string | undefined; password: string | undefined };
  trustProxy: boolean;
  maxConnectionsPerIp: number;
  frameRate: { perSecond: number; burst: number };
  heartbeatMs: number;
  helloTimeoutMs: number;
  passwordCost: number;
  visitorTokenIdleMs: number;
  logLevel: string;
  metricsToken: string | undefined;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && e.NATS_URL.length > 0) {
    throw new Error('Invalid configuration:\n  REDIS_URL, NATS_URL: set one, not both');
  }
  const bus: BusConfig = e.REDIS_URL
    ? { kind: 'redis', url: e.REDIS_URL, prefix: e.CANDOR_BUS_PREFIX }
    : e.NATS_URL.length > 0
      ? { kind: 'nats', servers: e.NATS_URL, prefix: e.CANDOR_BUS_PREFIX }
      : { kind: 'local' };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.CANDOR_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.CANDOR_DATABASE_SCHEMA,
    databasePreparedStatements: e.CANDOR_DATABASE_PREPARED_STATEMENTS === 'true',
    bus,
    allowedOrigins: e.CANDOR_ALLOWED_ORIGINS,
    admin: { email: e.CANDOR_ADMIN_EMAIL, password: e.CANDOR_ADMIN_PASSWORD },
    trustProxy: e.CANDOR_TRUST_PROXY === 'true',
    maxConnectionsPerIp: e.CANDOR_MAX_CONNECTIONS_PER_IP,
    frameRate: { perSecond: e.CANDOR_FRAME_RATE, burst: e.CANDOR_FRAME_BURST },
    heartbeatMs: e.CANDOR_HEARTBEAT_SECONDS * 1000,
    helloTimeoutMs: e.CANDOR_HELLO_TIMEOUT_SECONDS * 1000,
    passwordCost: e.CANDOR_PASSWORD_COST,
    visitorTokenIdleMs: e.CANDOR_VISITOR_TOKEN_IDLE_DAYS * 86_400_000,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.CANDOR_METRICS_TOKEN,
  };
}
