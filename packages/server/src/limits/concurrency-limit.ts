/**
 * At most `max` tasks at once, the rest queued in order. Used so that catching up after a bus outage
 * (every feed of a node reading the store at the same moment) cannot exhaust the connection pool
 * that visitors' sends need.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}
