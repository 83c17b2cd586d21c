/**
 * Request/response over a Node IPC channel, both ways: the parent asks a child (start, usage, run) and a
 * child asks the parent (usage snapshots at the edges of its measuring window).
 */
type Handler = (data: unknown) => unknown;
type Handlers = Record<string, Handler>;

interface Channel {
  send?(message: unknown): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

type Wire =
  | { rpc: 'hello' }
  | { rpc: 'req'; id: number; op: string; data?: unknown }
  | { rpc: 'res'; id: number; ok: boolean; data?: unknown; error?: string };

export class Rpc {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private helloSeen!: () => void;
  /** Resolves when the other side has its handlers in place (it sent `hello`). */
  readonly ready = new Promise<void>((resolve) => (this.helloSeen = resolve));

  constructor(
    private readonly channel: Channel,
    private readonly handlers: Handlers = {},
  ) {
    channel.on('message', (m) => this.receive(m as Wire));
  }

  /** Tells the other side this one is listening. */
  announce(): void {
    this.post({ rpc: 'hello' });
  }

  call<T>(op: string, data?: unknown, timeoutMs = 600_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`rpc ${op} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.waiting.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.post({ rpc: 'req', id, op, data });
    });
  }

  /** The other side went away: every pending call fails. */
  failAll(reason: string): void {
    for (const w of this.waiting.values()) w.reject(new Error(reason));
    this.waiting.clear();
  }

  private post(message: Wire): void {
    if (!this.channel.send?.(message)) {
      // send() returning false only means "backlogged"; a missing channel is the real failure.
      if (!this.channel.send) throw new Error('no IPC channel');
    }
  }

  private receive(m: Wire): void {
    if (m.rpc === 'hello') return this.helloSeen();
    if (m.rpc === 'res') {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (!w) return;
      return m.ok ? w.resolve(m.data) : w.reject(new Error(m.error ?? 'remote error'));
    }
    const handler = this.handlers[m.op];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no handler for ${m.op}`);
        return handler(m.data);
      })
      .then(
        (data) => this.post({ rpc: 'res', id: m.id, ok: true, data }),
        (err: unknown) =>
          this.post({
            rpc: 'res',
            id: m.id,
            ok: false,
            error: err instanceof Error ? err.stack : String(err),
          }),
      );
  }
}
