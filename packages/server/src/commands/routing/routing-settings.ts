/** Routing's knobs, from config (CANDOR_AWAY_GRACE_SECONDS, CANDOR_DEFAULT_CAPACITY). */
import type { PresenceTiming } from '../../domain/routing/agent-status';
import { DEFAULT_CAPACITY } from '../../domain/routing/capacity';

export interface RoutingSettings {
  timing: PresenceTiming;
  defaultCapacity: number;
  /** How often a node re-stamps its agents' presence rows; staleMs should be a few of these. */
  heartbeatMs: number;
}

export function routingSettings(opts: {
  awayGraceMs?: number;
  defaultCapacity?: number;
  heartbeatMs?: number;
}) {
  const heartbeatMs = opts.heartbeatMs ?? 30_000;
  return {
    timing: { graceMs: opts.awayGraceMs ?? 120_000, staleMs: heartbeatMs * 3 },
    defaultCapacity: opts.defaultCapacity ?? DEFAULT_CAPACITY,
    heartbeatMs,
  } satisfies RoutingSettings;
}
