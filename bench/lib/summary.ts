/** Medians over a system's trials, field by field. */
import { median } from './stats';
import type { SystemId } from './systems';

export type Medians<T> = { [K in keyof T as T[K] extends number ? K : never]: number };

export function medians<T extends object>(trials: T[]): Medians<T> {
  const out: Record<string, number> = {};
  const first = trials[0];
  if (!first) return out as Medians<T>;
  for (const [key, value] of Object.entries(first)) {
    if (typeof value === 'number') {
      out[key] = median(trials.map((t) => (t as Record<string, number>)[key]!));
    }
  }
  return out as Medians<T>;
}

export function mediansBySystem<T extends object>(bySystem: Map<SystemId, T[]>): Map<SystemId, Medians<T>> {
  return new Map([...bySystem].map(([system, trials]) => [system, medians(trials)]));
}

/** "met", "NOT met", or "not measured", for a goal line. */
export function verdict(ok: boolean | undefined): string {
  return ok === undefined ? 'not measured' : ok ? '**met**' : '**NOT met**';
}
