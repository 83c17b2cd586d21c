/**
 * The wait a visitor is told: the median time to first assignment of recent conversations, said as a
 * range of whole minutes, or nothing when there are too few to say.
 */

export interface WaitEstimate {
  minMinutes: number;
  maxMinutes: number;
}

/** Fewer samples than this and the widget says nothing rather than guess. */
export const MIN_WAIT_SAMPLES = 5;
/** Only conversations first assigned within this window count. */
export const WAIT_WINDOW_MS = 24 * 3_600_000;

export interface WaitSample {
  /** When it was first assigned. */
  assignedAt: number;
  /** How long it waited, ms. */
  waitedMs: number;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function estimateWait(samples: readonly WaitSample[], now: number): WaitEstimate | null {
  const recent = samples.filter((s) => s.assignedAt <= now && now - s.assignedAt <= WAIT_WINDOW_MS);
  if (recent.length < MIN_WAIT_SAMPLES) return null;
  const m = median(recent.map((s) => Math.max(0, s.waitedMs))) ?? 0;
  // A range, not a promise: a quarter either side of the median, in whole minutes, at least one.
  const minMinutes = Math.max(1, Math.floor((m * 0.75) / 60_000));
  const maxMinutes = Math.max(minMinutes + 1, Math.ceil((m * 1.25) / 60_000));
  return { minMinutes, maxMinutes };
}
