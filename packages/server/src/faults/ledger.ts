/**
 * What happened during a fault run, phase by phase: counters (acks, resends, errors by code, cuts,
 * reconnects, ...) and the violations found. Shared by every simulated client; the run moves it from
 * one phase to the next.
 */

const KEPT_VIOLATIONS = 40;

export class Ledger {
  private current = 'start';
  private readonly counts = new Map<string, Map<string, number>>([['start', new Map()]]);
  private readonly kept: string[] = [];
  private violationCount = 0;

  get phase(): string {
    return this.current;
  }

  enter(phase: string): void {
    this.current = phase;
    if (!this.counts.has(phase)) this.counts.set(phase, new Map());
  }

  count(what: string, n = 1): void {
    const phase = this.counts.get(this.current)!;
    phase.set(what, (phase.get(what) ?? 0) + n);
  }

  /** The count of one counter over every phase. */
  total(what: string): number {
    let sum = 0;
    for (const phase of this.counts.values()) sum += phase.get(what) ?? 0;
    return sum;
  }

  violation(text: string): void {
    this.violationCount++;
    if (this.kept.length < KEPT_VIOLATIONS) this.kept.push(text);
  }

  get violations(): { count: number; first: readonly string[] } {
    return { count: this.violationCount, first: this.kept };
  }

  /** Phases in order, each with its counters sorted by name. */
  phases(): { phase: string; counts: [string, number][] }[] {
    return [...this.counts].map(([phase, counts]) => ({
      phase,
      counts: [...counts].sort(([a], [b]) => a.localeCompare(b)),
    }));
  }
}
