/** Test doubles for the live layer: a scriptable socket and manual timers, so no test waits on a clock. */
import type { ClientFrame, ServerFrame } from '@candor/protocol';
import type { SocketLike, Timers } from './connection';

type Listener = (event: never) => void;

export class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  static get last(): FakeSocket {
    const s = FakeSocket.all[FakeSocket.all.length - 1];
    if (!s) throw new Error('no socket opened');
    return s;
  }

  readyState = 0;
  readonly sent: ClientFrame[] = [];
  closedWith: number | null = null;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientFrame);
  }

  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  // ---------- driven by the test ----------

  serverOpen(): void {
    this.readyState = 1;
    this.emit('open', {});
  }

  serverSend(frame: ServerFrame): void {
    this.emit('message', { data: JSON.stringify(frame) });
  }

  serverClose(code: number): void {
    this.readyState = 3;
    this.emit('close', { code });
  }

  sentOfType<T extends ClientFrame['type']>(type: T): Extract<ClientFrame, { type: T }>[] {
    return this.sent.filter((f): f is Extract<ClientFrame, { type: T }> => f.type === type);
  }

  private emit(type: string, event: object): void {
    for (const l of this.listeners.get(type) ?? []) (l as (e: object) => void)(event);
  }
}

export class ManualTimers implements Timers {
  private nextId = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();

  setTimeout(fn: () => void, ms: number): number {
    const id = this.nextId++;
    this.pending.set(id, { fn, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  delays(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }

  /** Runs every timer due now, as if its delay had passed. */
  fireAll(): void {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, t] of due) t.fn();
  }
}
