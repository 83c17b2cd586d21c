import type { Log } from '../realtime/realtime-deps';

/**
 * During an outage every send and every publish fails the same way: thousands of identical lines a
 * second would bury the one that matters. Each message is written at most once per interval, with
 * the count of those it stood for.
 */
export class ThrottledLog implements Log {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly log: Log,
    private readonly intervalMs = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  error(obj: object, msg: string): void {
    if (this.pass(msg)) this.log.error(this.annotate(obj, msg), msg);
  }

  warn(obj: object, msg: string): void {
    if (this.pass(msg)) this.log.warn(this.annotate(obj, msg), msg);
  }

  info(obj: object, msg: string): void {
    this.log.info(obj, msg);
  }

  private pass(msg: string): boolean {
    const seen = this.last.get(msg);
    if (seen && this.now() - seen.at < this.intervalMs) {
      seen.suppressed += 1;
      return false;
    }
    return true;
  }

  private annotate(obj: object, msg: string): object {
    const suppressed = this.last.get(msg)?.suppressed ?? 0;
    if (this.last.size > 1_000) this.last.clear();
    this.last.set(msg, { at: this.now(), suppressed: 0 });
    return suppressed > 0 ? { ...obj, suppressed } : obj;
  }
}
