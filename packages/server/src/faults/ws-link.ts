/**
 * One client WebSocket of a fault run: JSON frames, commands matched to their reply by ref, and a hold
 * on the TCP socket underneath so a test can cut the connection in the middle of a frame, the way a
 * dropped mobile link does (no close frame, no FIN after a whole frame).
 */
import { connect as netConnect, type NetConnectOpts, type Socket } from 'node:net';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, WS_PATHS, type ServerFrame } from '@candor/protocol';
import { encodeFrame, OPCODES } from '../transport/ws/robustness/ws-frames';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;
export type Reply = Frame<'ack' | 'error' | 'conversation.history' | 'inbox.snapshot'>;
export type Outcome = { kind: 'reply'; frame: Reply } | { kind: 'closed' } | { kind: 'timeout' };
/** How a command is sent: whole, or as a fault that kills the connection with it. */
export type SendMode = 'whole' | 'cut-mid-frame' | 'cut-after-send';

let refs = 0;

export class Link {
  private readonly waiters = new Map<string, (outcome: Outcome) => void>();
  private onEvent: (frame: ServerFrame) => void = () => undefined;
  /** Waiting for the welcome: gets it, or why there will be none. */
  private welcome: ((result: Frame<'welcome'> | string) => void) | undefined;
  closed = false;
  readonly ended: Promise<void>;

  private constructor(
    private readonly ws: WebSocket,
    private readonly socket: Socket,
  ) {
    this.ended = new Promise((resolve) => ws.once('close', () => resolve()));
    ws.on('error', () => undefined); // a reset is what these tests are about; 'close' follows
    ws.on('message', (data: Buffer) => this.receive(data.toString('utf8')));
    void this.ended.then(() => {
      this.closed = true;
      this.welcome?.('closed before welcome');
      for (const settle of this.waiters.values()) settle({ kind: 'closed' });
      this.waiters.clear();
    });
  }

  /** Opens the socket and says hello; resolves with the welcome. */
  static async open(
    baseWsUrl: string,
    role: 'visitor' | 'agent',
    options: { cookie?: string; visitorToken?: string; timeoutMs: number },
  ): Promise<{ link: Link; welcome: Frame<'welcome'> }> {
    let socket: Socket | undefined;
    const ws = new WebSocket(`${baseWsUrl}${WS_PATHS[role]}`, {
      headers: options.cookie ? { cookie: options.cookie } : {},
      handshakeTimeout: options.timeoutMs,
      perMessageDeflate: false,
      createConnection: ((opts: NetConnectOpts) => (socket = netConnect(opts))) as typeof netConnect,
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => {
        ws.terminate();
        reject(new Error(`HTTP ${res.statusCode}`));
      });
      ws.once('error', reject);
    });
    const link = new Link(ws, socket!);
    const welcome = await link.hello(options.visitorToken, options.timeoutMs);
    return { link, welcome };
  }

  /** Where every frame but the welcome goes, replies included, synchronously as it arrives. */
  listen(handler: (frame: ServerFrame) => void): void {
    this.onEvent = handler;
  }

  send(frame: object): void {
    if (!this.closed) this.ws.send(JSON.stringify(frame));
  }

  /** Sends a command with a fresh ref; resolves with its reply, or when the link closes or time is up. */
  request(frame: object, timeoutMs: number, mode: SendMode = 'whole'): Promise<Outcome> {
    if (this.closed) return Promise.resolve({ kind: 'closed' });
    const ref = `r${++refs}`;
    const outcome = new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(ref);
        resolve({ kind: 'timeout' });
      }, timeoutMs);
      this.waiters.set(ref, (o) => {
        clearTimeout(timer);
        resolve(o);
      });
    });
    const text = JSON.stringify({ ...frame, ref });
    if (mode === 'whole') this.ws.send(text);
    else if (mode === 'cut-after-send') this.ws.send(text, () => this.socket.destroy());
    else {
      const bytes = encodeFrame({ opcode: OPCODES.text, payload: text });
      this.socket.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => this.socket.destroy());
    }
    return outcome;
  }

  /** Drops the connection without a close frame. */
  terminate(): void {
    this.ws.terminate();
  }

  close(): void {
    this.ws.close();
  }

  private hello(visitorToken: string | undefined, timeoutMs: number): Promise<Frame<'welcome'>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.terminate();
        reject(new Error('no welcome in time'));
      }, timeoutMs);
      this.welcome = (result) => {
        clearTimeout(timer);
        this.welcome = undefined;
        if (typeof result === 'string') reject(new Error(result));
        else resolve(result);
      };
      this.send({ type: 'hello', protocol: PROTOCOL_VERSION, ...(visitorToken ? { visitorToken } : {}) });
    });
  }

  private receive(text: string): void {
    const frame = JSON.parse(text) as ServerFrame;
    if (frame.type === 'welcome') return this.welcome?.(frame);
    if (frame.type === 'error' && this.welcome && frame.ref === undefined) {
      this.welcome(`hello refused: ${frame.code}`);
      return this.terminate();
    }
    // Every frame goes to the listener first, in arrival order: a reply's promise settles a microtask
    // later, after frames that arrived with it in the same chunk.
    this.onEvent(frame);
    const ref = 'ref' in frame ? frame.ref : undefined;
    const settle = ref === undefined ? undefined : this.waiters.get(ref);
    if (settle && ref !== undefined) {
      this.waiters.delete(ref);
      settle({ kind: 'reply', frame: frame as Reply });
    }
  }
}
