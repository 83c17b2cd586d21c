import type { ChatContext } from '../commands/context';
import type { Hub } from './hub';
import type { Metrics } from '../metrics/metrics';
import type { ConcurrencyLimit } from '../limits/concurrency-limit';
import type { AgentPresence } from '../commands/routing/agent-presence';

export interface RealtimeLimits {
  framesPerSecond: number;
  frameBurst: number;
  /** Outbound bytes queued on one socket before it is closed as a slow consumer. */
  maxBufferedBytes: number;
  helloTimeoutMs: number;
  /** A visitor token unused for this long gets a new visitor (default: domain/visitor-tokens.ts). */
  visitorTokenIdleMs?: number;
}

/** The part of a pino logger the realtime core uses; objects first, like pino. */
export interface Log {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface RealtimeDeps {
  ctx: ChatContext;
  hub: Hub;
  log: Log;
  limits: RealtimeLimits;
  metrics?: Metrics;
  /** Store reads that heal gaps, node-wide: bounded so they never starve other queries. */
  heals?: ConcurrencyLimit;
  /** Agents' console sockets on this node, for their status across nodes (routing). */
  presence?: AgentPresence;
}

export const DEFAULT_REALTIME_LIMITS: RealtimeLimits = {
  framesPerSecond: 20,
  frameBurst: 40,
  maxBufferedBytes: 1024 * 1024,
  helloTimeoutMs: 10_000,
};
