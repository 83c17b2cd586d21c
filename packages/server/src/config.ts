/** Configuration from the environment: read and checked once, at start. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_COST_LOG2 } from './auth/password';
import { TrustedProxies } from './transport/trusted-proxies';
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
  /**
   * Reverse proxies allowed to say who the client is (X-Forwarded-For): addresses or CIDR ranges,
   * comma-separated. Not `true`: a node reachable directly would let anyone choose their address.
   */
  CANDOR_TRUST_PROXY: z.string().optional(),
  /** Open sockets per client address, visitors' and agents' apart. */
  CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).optional(),
  CANDOR_MAX_AGENT_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).default(50),
  /** The old name of CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP, still read. */
  CANDOR_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).optional(),
  /** Frames one socket may send per second, and in a burst, before getting rate_limited. */
  CANDOR_FRAME_RATE: z.coerce.number().min(1).default(20),
  CANDOR_FRAME_BURST: z.coerce.number().int().min(1).default(40),
  /**
   * Seconds between WebSocket pings; a socket that did not answer the previous one is dropped. Keep it
   * under the idle timeout of any proxy in front (nginx's proxy_read_timeout is 60 s by default).
   */
  CANDOR_HEARTBEAT_SECONDS: z.coerce.number().min(1).max(600).default(30),
  /** Seconds after an agent's last console socket closes before routing treats them as away. */
  CANDOR_AWAY_GRACE_SECONDS: z.coerce.number().min(0).max(86_400).default(120),
  /** Help centre searches and help API requests (the widget's Help tab) per client address per minute. */
  CANDOR_HELP_REQUESTS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** true: a fresh start with an empty knowledge base loads the demo shop's sample help articles. */
  CANDOR_DEMO_ARTICLES: z.enum(['true', 'false']).default('true'),
  /**
   * true: the start that loads the demo articles also switches the default inbox's bot on. Off unless
   * asked (`npm start`, the demo, asks), so servers, tests and benchmarks route conversations as before.
   */
  CANDOR_DEMO_BOT: z.enum(['true', 'false']).default('false'),
  /** false: no inbox assigns by itself, whatever its strategy; agents pick from the queue. */
  CANDOR_AUTO_ASSIGN: z.enum(['true', 'false']).default('true'),
  /** true: webhooks may be sent to private and loopback addresses (a host on the same network). */
  CANDOR_WEBHOOKS_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  /** Open conversations an agent takes at once when neither they nor their teams say. */
  CANDOR_DEFAULT_CAPACITY: z.coerce.number().int().min(0).max(100).default(3),
  /** Seconds a new socket has to say hello before it is closed. */
  CANDOR_HELLO_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(10),
  /** Visitors created (a hello without a valid token) per address (IPv6 by /64) per minute, across nodes. */
  CANDOR_NEW_VISITORS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Conversations started by visitors per address (IPv6 by /64) per minute, across nodes. */
  CANDOR_NEW_CONVERSATIONS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Visitors who never started a conversation are deleted once their token went unused this long. */
  CANDOR_VISITOR_PURGE_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 366)
    .default(24),
  /** Days a visitor's token lasts unused; past them a returning browser starts as a new visitor. */
  CANDOR_VISITOR_TOKEN_IDLE_DAYS: z.coerce.number().min(1).max(3650).default(DEFAULT_VISITOR_TOKEN_IDLE_DAYS),
  CANDOR_PASSWORD_COST: z.coerce.number().int().min(10).max(20).default(DEFAULT_COST_LOG2),
  /** Bearer token for /metrics from other machines; without it, /metrics answers loopback only. */
  CANDOR_METRICS_TOKEN: z.string().min(16).optional(),
  /** HS256 secret of the default inbox's identity tokens (signed identity), unless one is set in the console. */
  CANDOR_IDENTITY_SECRET: z
    .string()
    .min(32, 'CANDOR_IDENTITY_SECRET needs at least 32 characters')
    .optional(),
  /** Mail: both set, mail goes through this SMTP server; neither, it is kept in the development outbox. */
  CANDOR_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'CANDOR_SMTP_URL must be an smtp:// or smtps:// URL' })
    .max(2048)
    .optional(),
  CANDOR_MAIL_FROM: z
    .string()
    .max(320)
    .regex(
      /^(?:[^<>\r\n]{0,200} <[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/,
      'CANDOR_MAIL_FROM must be an address, or a name then <address>, e.g. Support <help@example.com>',
    )
    .optional(),
  /** Where visitors reach this server (links in emails); default: the address it listens on. */
  CANDOR_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'CANDOR_PUBLIC_URL must be an http(s) URL' })
    .optional(),
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
  trustProxy: TrustedProxies;
  /** Visitor sockets per client address (the name it had when it counted agents' too). */
  maxConnectionsPerIp: number;
  maxAgentConnectionsPerIp: number;
  frameRate: { perSecond: number; burst: number };
  heartbeatMs: number;
  helloTimeoutMs: number;
  /** Routing: away after this long without a console socket; capacity when none is set. */
  awayGraceMs: number;
  defaultCapacity: number;
  autoAssign: boolean;
  webhooksAllowPrivate: boolean;
  /** Folder of the sample help articles loaded into an empty knowledge base (relative: to the repository); undefined: none. */
  demoArticlesDir?: string | undefined;
  /** Switch the default inbox's bot on when the demo articles are loaded (CANDOR_DEMO_BOT). */
  demoBot: boolean;
  anonymousRates: { newVisitorsPerMinute: number; newConversationsPerMinute: number };
  /** Public help reads (help centre searches, help API) per client address per minute, per node. */
  helpRequestsPerMinute: number;
  visitorPurgeMs: number;
  passwordCost: number;
  visitorTokenIdleMs: number;
  logLevel: string;
  metricsToken: string | undefined;
  identitySecret?: string | undefined;
  /** undefined: no SMTP server, mail goes to the development outbox. */
  smtp?: { url: string; from: string } | undefined;
  /** Replies within this time make one email (tests shorten it); undefined: 3 minutes. */
  mailCoalesceMs?: number | undefined;
  /** e.g. https://chat.example.com, without a trailing slash; undefined: the address it listens on. */
  publicUrl?: string | undefined;
  /** Tests only (never read from the environment): the commands' clock, so a test can move time. */
  clock?: () => number;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.CANDOR_SMTP_URL === undefined) !== (e.CANDOR_MAIL_FROM === undefined)) {
    throw new Error(
      'Invalid configuration:\n  CANDOR_SMTP_URL, CANDOR_MAIL_FROM: set both to send mail by SMTP, or neither to keep it in the development outbox',
    );
  }
  if (e.REDIS_URL && e.NATS_URL.length > 0) {
    throw new Error('Invalid configuration:\n  REDIS_URL, NATS_URL: set one, not both');
  }
  if (
    e.CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP !== undefined &&
    e.CANDOR_MAX_CONNECTIONS_PER_IP !== undefined
  ) {
    throw new Error(
      'Invalid configuration:\n  CANDOR_MAX_CONNECTIONS_PER_IP: the old name of CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP; set only the new one',
    );
  }
  let trustProxy: TrustedProxies;
  try {
    trustProxy = TrustedProxies.parse(e.CANDOR_TRUST_PROXY);
  } catch (err) {
    throw new Error(`Invalid configuration:\n  CANDOR_TRUST_PROXY: ${(err as Error).message}`);
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
    trustProxy,
    maxConnectionsPerIp: e.CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP ?? e.CANDOR_MAX_CONNECTIONS_PER_IP ?? 50,
    maxAgentConnectionsPerIp: e.CANDOR_MAX_AGENT_CONNECTIONS_PER_IP,
    frameRate: { perSecond: e.CANDOR_FRAME_RATE, burst: e.CANDOR_FRAME_BURST },
    heartbeatMs: e.CANDOR_HEARTBEAT_SECONDS * 1000,
    awayGraceMs: e.CANDOR_AWAY_GRACE_SECONDS * 1000,
    defaultCapacity: e.CANDOR_DEFAULT_CAPACITY,
    autoAssign: e.CANDOR_AUTO_ASSIGN === 'true',
    webhooksAllowPrivate: e.CANDOR_WEBHOOKS_ALLOW_PRIVATE === 'true',
    demoArticlesDir: e.CANDOR_DEMO_ARTICLES === 'true' ? 'packages/server/src/demo/help-articles' : undefined,
    demoBot: e.CANDOR_DEMO_BOT === 'true',
    helloTimeoutMs: e.CANDOR_HELLO_TIMEOUT_SECONDS * 1000,
    anonymousRates: {
      newVisitorsPerMinute: e.CANDOR_NEW_VISITORS_PER_IP_PER_MINUTE,
      newConversationsPerMinute: e.CANDOR_NEW_CONVERSATIONS_PER_IP_PER_MINUTE,
    },
    helpRequestsPerMinute: e.CANDOR_HELP_REQUESTS_PER_IP_PER_MINUTE,
    visitorPurgeMs: e.CANDOR_VISITOR_PURGE_HOURS * 3_600_000,
    passwordCost: e.CANDOR_PASSWORD_COST,
    visitorTokenIdleMs: e.CANDOR_VISITOR_TOKEN_IDLE_DAYS * 86_400_000,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.CANDOR_METRICS_TOKEN,
    identitySecret: e.CANDOR_IDENTITY_SECRET,
    smtp:
      e.CANDOR_SMTP_URL !== undefined && e.CANDOR_MAIL_FROM !== undefined
        ? { url: e.CANDOR_SMTP_URL, from: e.CANDOR_MAIL_FROM }
        : undefined,
    publicUrl: e.CANDOR_PUBLIC_URL?.replace(/\/+$/, ''),
  };
}
