/**
 * The socket's lifecycle: open, hello, wait for welcome, dispatch frames, and reconnect with backoff when
 * it drops. It knows nothing about conversations; the chat decides what to send once `ready`.
 */
import { CLOSE_CODES, type CommandFrame, type HelloFrame, type ServerFrame } from '@candor/protocol';
import { createBackoff, type BackoffOptions } from './backoff';

/**
 * What the widget needs of a WebSocket, met by the browser's and by the `ws` package's. Handler
 * parameters are typed `never` so both event types fit; each handler states what it reads.
 */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number): void;
  onopen: ((ev: never) => void) | null;
  onmessage: ((ev: never) => void) | null;
  onclose: ((ev: never) => void) | null;
  onerror: ((ev: never) => void) | null;
}
export type SocketFactory = new (url: string) => SocketLike;

/**
 * connecting: no welcome yet; ready: welcomed; waiting: backing off; stopped: will not retry (protocol
 * too old); refused: the server does not serve this site.
 */
export type LinkState = 'connecting' | 'ready' | 'waiting' | 'stopped' | 'refused';

export interface ConnectionOptions {
  url: string;
  WebSocket: SocketFactory;
  /** Built for each attempt, so a token dropped after a refusal is not sent again. */
  hello: () => HelloFrame;
  onFrame: (frame: ServerFrame) => void;
  onState: (state: LinkState) => void;
  /** The server refused our credentials: forget them before the next attempt. */
  onUnauthenticated: () => void;
  /**
   * The server refused the identity token (4005): forget it. Return true to stop (the inbox admits
   * signed visitors only), false to reconnect without it.
   */
  onIdentityRefused?: () => boolean;
  backoff?: Partial<BackoffOptions>;
  /** A socket that has not been welcomed by then is given up, so a silent network does not hang us. */
  welcomeTimeoutMs?: number;
  /**
   * Asked when sockets fail before they open (a browser sees a refused upgrade only as that): true
   * when the server says this site may not use the chat, which stops the connection for good.
   */
  refused?: () => Promise<boolean>;
}

export interface Connection {
  readonly ready: boolean;
  /** Connects now, also after stop(). */
  start(): void;
  /** Reconnect now rather than at the end of the backoff (network back, tab visible). */
  wake(): void;
  send(frame: CommandFrame): boolean;
  /** The server asked us to wait (rate limited): no new socket before `ms` from now, wake or not. */
  holdOff(ms: number): void;
  stop(): void;
}

/** Failed opens in a row after which the server is asked again whether it serves this site. */
const RECHECK_EVERY = 10;

export function createConnection(opts: ConnectionOptions): Connection {
  const backoff = createBackoff(opts.backoff);
  let socket: SocketLike | null = null;
  let ready = false;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let welcomeTimer: ReturnType<typeof setTimeout> | undefined;
  let notBefore = 0;
  let failedOpens = 0;

  const setState = (s: LinkState) => opts.onState(s);

  function detach(): void {
    clearTimeout(welcomeTimer);
    if (!socket) return;
    const s = socket;
    socket = null;
    ready = false;
    s.onopen = s.onmessage = s.onclose = null;
    // Closing a socket still connecting reports an error (the `ws` package throws it if unheard).
    s.onerror = () => undefined;
    try {
      s.close();
    } catch {
      /* already gone */
    }
  }

  function schedule(): void {
    if (stopped) return;
    clearTimeout(retryTimer);
    setState('waiting');
    retryTimer = setTimeout(connect, Math.max(backoff.next(), notBefore - Date.now()));
  }

  function checkRefused(check: () => Promise<boolean>): void {
    check().then(
      (refused) => {
        if (!refused || stopped) return;
        stopped = true;
        clearTimeout(retryTimer);
        detach();
        setState('refused');
      },
      // Cannot tell: keep trying as before.
      () => undefined,
    );
  }

  function connect(): void {
    clearTimeout(retryTimer);
    detach();
    if (stopped) return;
    setState('connecting');
    let s: SocketLike;
    try {
      s = new opts.WebSocket(opts.url);
    } catch {
      // An invalid URL or a port the browser blocks: nothing better to do than try again later.
      schedule();
      return;
    }
    socket = s;
    welcomeTimer = setTimeout(() => {
      detach();
      schedule();
    }, opts.welcomeTimeoutMs ?? 15_000);
    let opened = false;
    s.onopen = () => {
      opened = true;
      failedOpens = 0;
      s.send(JSON.stringify(opts.hello()));
    };
    // A close event always follows an error; the `ws` package throws on an error nobody listens to.
    s.onerror = () => undefined;
    s.onmessage = (ev: { data: unknown }) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(ev.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'welcome') {
        clearTimeout(welcomeTimer);
        ready = true;
        backoff.reset();
        setState('ready');
      }
      opts.onFrame(frame);
    };
    s.onclose = (ev: { code: number }) => {
      detach();
      if (ev.code === CLOSE_CODES.unsupportedVersion) {
        stopped = true;
        setState('stopped');
        return;
      }
      if (ev.code === CLOSE_CODES.unauthenticated) opts.onUnauthenticated();
      if (ev.code === CLOSE_CODES.identityRefused && opts.onIdentityRefused?.()) {
        stopped = true;
        return;
      }
      schedule();
      if (!opened && opts.refused && ++failedOpens % RECHECK_EVERY === 1) checkRefused(opts.refused);
    };
  }

  return {
    get ready() {
      return ready;
    },
    start() {
      stopped = false;
      connect();
    },
    wake() {
      if (!stopped && !socket && Date.now() >= notBefore) connect();
    },
    send(frame) {
      if (!ready || !socket) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    holdOff(ms) {
      notBefore = Math.max(notBefore, Date.now() + ms);
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      detach();
    },
  };
}
