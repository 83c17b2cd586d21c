/**
 * The agent socket's lifecycle: connect, hello/welcome, dispatch frames, and reconnect with exponential
 * backoff and full jitter. It knows nothing about inboxes or conversations; the session re-subscribes in
 * `onOnline`. The socket constructor is a parameter so tests drive it with a fake or the `ws` package.
 */
import { CLOSE_CODES, PROTOCOL_VERSION } from '@candor/protocol';
import type { ClientFrame, ServerFrame, WelcomeFrame } from '@candor/protocol';

/** The part of the WebSocket API used here; the browser's WebSocket and `ws` both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number }) => void): void;
}
export type SocketFactory = new (url: string) => SocketLike;

export type ConnectionStatus =
  | 'connecting' // first attempt, nothing received yet
  | 'online' // welcomed: commands may be sent
  | 'reconnecting' // dropped; a retry is scheduled or in flight
  | 'signed-out' // credentials refused or logged out elsewhere: retrying cannot help
  | 'role-changed' // an admin changed our role: read who we are again, then start afresh
  | 'outdated' // the server speaks another protocol version: only a reload can help
  | 'stopped';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ConnectionOptions {
  url: string;
  socket: SocketFactory;
  onOnline(welcome: WelcomeFrame): void;
  onFrame(frame: ServerFrame): void;
  onStatus(status: ConnectionStatus): void;
  /** Asked when a socket closes before opening, because browsers hide the upgrade's 401 behind code 1006. */
  isSignedIn?: () => Promise<boolean>;
  random?: () => number;
  timers?: Timers;
}

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;
const OPEN = 1;

/** Full jitter: uniformly random in [0, min(cap, base·2^attempt)), so a fleet of consoles does not reconnect in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

export class Connection {
  private socket: SocketLike | null = null;
  private welcomed = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  private current: ConnectionStatus = 'connecting';
  private readonly timers: Timers;

  constructor(private readonly options: ConnectionOptions) {
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  start(): void {
    this.open();
  }

  /** Sends a command if the session is welcomed; false tells the caller to keep it for after reconnecting. */
  send(frame: ClientFrame): boolean {
    if (!this.welcomed || this.socket?.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Skips the backoff wait, e.g. when the browser reports it is back online. */
  retryNow(): void {
    if (this.retryTimer === null) return;
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.open();
  }

  stop(): void {
    this.setStatus('stopped');
    this.clearRetry();
    const socket = this.socket;
    this.socket = null;
    this.welcomed = false;
    socket?.close(CLOSE_CODES.normal);
  }

  private open(): void {
    const socket = new this.options.socket(this.options.url);
    this.socket = socket;
    this.welcomed = false;
    let opened = false;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      opened = true;
      socket.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION } satisfies ClientFrame));
    });
    socket.addEventListener('message', (event) => {
      if (this.socket === socket) this.receive(event.data);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket === socket) this.closed(event.code, opened);
    });
  }

  private receive(data: unknown): void {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(typeof data === 'string' ? data : String(data)) as ServerFrame;
    } catch {
      return; // the server only sends JSON; anything else is noise, not a reason to drop the session
    }
    if (frame.type === 'welcome') {
      this.welcomed = true;
      this.attempt = 0;
      this.setStatus('online');
      this.options.onOnline(frame);
      return;
    }
    if (frame.type === 'error' && frame.code === 'unsupported_version') {
      this.finish('outdated');
      return;
    }
    this.options.onFrame(frame);
  }

  private closed(code: number, opened: boolean): void {
    this.socket = null;
    this.welcomed = false;
    if (
      this.current === 'stopped' ||
      this.current === 'signed-out' ||
      this.current === 'outdated' ||
      this.current === 'role-changed'
    )
      return;
    if (code === CLOSE_CODES.unauthenticated || code === CLOSE_CODES.loggedOut)
      return this.finish('signed-out');
    if (code === CLOSE_CODES.unsupportedVersion) return this.finish('outdated');
    if (code === CLOSE_CODES.roleChanged) return this.finish('role-changed');
    this.setStatus('reconnecting');
    const check = this.options.isSignedIn;
    if (opened || !check) return this.schedule();
    check().then(
      (signedIn) => (signedIn ? this.schedule() : this.finish('signed-out')),
      () => this.schedule(), // the server is unreachable: that is what backoff is for
    );
  }

  private schedule(): void {
    if (this.current !== 'reconnecting') return;
    this.clearRetry();
    const delay = backoffDelay(this.attempt, this.options.random);
    this.attempt += 1;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }

  private finish(status: ConnectionStatus): void {
    this.clearRetry();
    this.setStatus(status);
    const socket = this.socket;
    this.socket = null;
    this.welcomed = false;
    socket?.close(CLOSE_CODES.normal);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.current) return;
    this.current = status;
    this.options.onStatus(status);
  }
}
