/**
 * Group commit. Requests that arrive while a write is in flight wait in a queue; when it finishes, the
 * queue (up to `maxBatch`, in arrival order) goes to ONE `write`, so one commit (one fsync, one WAL
 * flush) acknowledges many messages. There is no timer: a lone request is written in the same turn of
 * the event loop, once the sockets that were readable in it have all been read (setImmediate), with
 * every request they brought. A microtask would not wait for them: SQLite's driver is synchronous, so
 * the first frame of a turn would start a commit that blocks the loop for the fsync (milliseconds on
 * some disks) before the next socket is even read, and batches would stay at one or two messages.
 *
 * A caller's promise settles only when `write` has returned, i.e. after the transaction committed.
 * `write` reports each request on its own (one may fail while the others are stored); if it throws, the
 * whole batch rejects with that error and nothing of it was acknowledged.
 */

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export type BatchWrite<T, R> = (batch: readonly T[]) => Promise<readonly Settled<R>[]>;

interface Waiting<T, R> {
  request: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class AppendBatcher<T, R> {
  private queue: Waiting<T, R>[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly write: BatchWrite<T, R>,
    private readonly maxBatch = 256,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1)
      throw new RangeError(`maxBatch must be ≥ 1: ${maxBatch}`);
  }

  submit(request: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.running ??= new Promise<void>((ready) => setImmediate(ready)).then(() => this.drain());
    });
  }

  /** Resolves once every request submitted so far has settled (for a clean close). */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.writeBatch(this.queue.splice(0, this.maxBatch));
    } finally {
      this.running = undefined;
    }
  }

  private async writeBatch(batch: Waiting<T, R>[]): Promise<void> {
    let outcomes: readonly Settled<R>[];
    try {
      outcomes = await this.write(batch.map((w) => w.request));
      if (outcomes.length !== batch.length)
        throw new Error(`batch of ${batch.length} got ${outcomes.length}`);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i] as Settled<R>;
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
