/**
 * What the store must forget, run by every node on a timer: visitors who never started a conversation
 * once their token went unused for the configured time, and limit states and support references that expired. Every step is
 * idempotent, so two nodes running it at once delete each row once between them.
 */
import type { Store } from '../storage/store';
import type { Log } from '../realtime/realtime-deps';

export interface HousekeepingDeps {
  store: Store;
  now(): number;
  log: Log;
  /** A visitor without a conversation is purged once unused this long. */
  visitorIdleMs: number;
}

/** Between runs; a node's first run comes at a random point of the first period, so nodes spread out. */
const PERIOD_MS = 10 * 60_000;

export async function runHousekeeping(deps: HousekeepingDeps): Promise<{ visitors: number; limits: number }> {
  const now = deps.now();
  const visitors = await deps.store.purgeIdleVisitors(now - deps.visitorIdleMs);
  const limits = await deps.store.pruneLimits(now);
  await deps.store.pruneSupportReferences(now);
  if (visitors > 0) deps.log.info({ visitors }, 'purged idle visitors without a conversation');
  return { visitors, limits };
}

/** Starts the timer; returns what stops it. A failed run is logged and the next one tries again. */
export function startHousekeeping(deps: HousekeepingDeps): () => void {
  let timer: NodeJS.Timeout;
  const run = () => {
    runHousekeeping(deps)
      .catch((err: unknown) => deps.log.warn({ err: String(err) }, 'housekeeping failed'))
      .finally(() => {
        timer = setTimeout(run, PERIOD_MS).unref();
      });
  };
  timer = setTimeout(run, Math.random() * PERIOD_MS).unref();
  return () => clearTimeout(timer);
}
