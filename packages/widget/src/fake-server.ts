/**
 * Test support, never bundled: a scripted Candor server on a real socket (the `ws` package on port 0).
 * Tests read what the widget sent with `take` and answer with `push`, one frame at a time.
 */
import { createServer, type Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientFrame, Conversation, Message, ServerFrame, WelcomeFrame } from '@candor/protocol';

type Waiter = { type: string; resolve: (f: ClientFrame) => void };

export class FakeServer {
  readonly sockets: WebSocket[] = [];
  private readonly inbox: ClientFrame[] = [];
  private readonly waiters: Waiter[] = [];
  /** Upgrades refused with 403 (as Candor refuses a site not in CANDOR_ALLOWED_ORIGINS) and counted. */
  refusing = false;
  refusedUpgrades = 0;
  /** Requests to GET /api/v1/widget/status, which answers `{allowed: !refusing}`. */
  statusChecks = 0;
  /** Other paths it answers, for browser tests: a page, widget.js and its parts. */
  readonly files = new Map<string, { type: string; body: string | Buffer }>();

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    readonly url: string,
  ) {
    http.on('request', (req, res) => {
      const file = this.files.get(req.url ?? '');
      if (file) {
        res.writeHead(200, { 'content-type': file.type }).end(file.body);
        return;
      }
      if (req.url !== '/api/v1/widget/status') {
        res.writeHead(404).end();
        return;
      }
      this.statusChecks++;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ allowed: !this.refusing }));
    });
    http.on('upgrade', (req, socket, head) => {
      // A widget giving up on a refused upgrade may reset the connection: not an error here.
      socket.on('error', () => undefined);
      if (this.refusing) {
        this.refusedUpgrades++;
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    });
    wss.on('connection', (ws) => {
      this.sockets.push(ws);
      ws.on('message', (data: Buffer) => this.receive(JSON.parse(data.toString('utf8')) as ClientFrame));
    });
  }

  static async start(): Promise<FakeServer> {
    const http = createServer();
    const wss = new WebSocketServer({ noServer: true });
    await new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = http.address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    return new FakeServer(http, wss, `ws://127.0.0.1:${address.port}/ws/visitor`);
  }

  /** The http(s) base, as the widget's `data-server`. */
  get httpUrl(): string {
    return this.url.replace(/^ws/, 'http').replace(/\/ws\/visitor$/, '');
  }

  private receive(frame: ClientFrame): void {
    const i = this.waiters.findIndex((w) => w.type === frame.type);
    const waiter = this.waiters[i];
    if (waiter) {
      this.waiters.splice(i, 1);
      waiter.resolve(frame);
    } else this.inbox.push(frame);
  }

  /** The oldest unread frame of this type, waiting for it if none arrived yet. */
  take<T extends ClientFrame['type']>(type: T): Promise<Extract<ClientFrame, { type: T }>> {
    const i = this.inbox.findIndex((f) => f.type === type);
    const found = this.inbox[i];
    if (found) {
      this.inbox.splice(i, 1);
      return Promise.resolve(found as Extract<ClientFrame, { type: T }>);
    }
    return new Promise((resolve) =>
      this.waiters.push({ type, resolve: resolve as (f: ClientFrame) => void }),
    );
  }

  /** Frames of this type received and not taken yet. */
  unread(type: ClientFrame['type']): ClientFrame[] {
    return this.inbox.filter((f) => f.type === type);
  }

  push(frame: ServerFrame): void {
    this.sockets.at(-1)?.send(JSON.stringify(frame));
  }

  dropConnection(code = 1011): void {
    this.sockets.at(-1)?.close(code);
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise((resolve) => this.wss.close(resolve));
    this.http.closeAllConnections();
    await new Promise((resolve) => this.http.close(resolve));
  }
}

export function welcome(
  conversations: Conversation[] = [],
  token?: string,
  extra: Pick<WelcomeFrame, 'preview' | 'redactionRules'> = {},
): ServerFrame {
  return {
    type: 'welcome',
    protocol: 1,
    role: 'visitor',
    visitor: { id: 'v1', name: 'Visitor 1', ...(token ? { token } : {}) },
    conversations,
    serverTime: Date.now(),
    ...extra,
  };
}

export function conversation(id: string, patch: Partial<Conversation> = {}): Conversation {
  return {
    id,
    inboxId: 'i1',
    status: 'open',
    visitorId: 'v1',
    visitorName: 'Visitor 1',
    assigneeId: null,
    assigneeName: null,
    lastSeq: 0,
    lastMessage: null,
    createdAt: 1000,
    updatedAt: 1000,
    preview: { policy: 'on_with_notice', enabled: false },
    ...patch,
  };
}

export function message(seq: number, patch: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    author: { type: 'agent', id: 'a1', name: 'Ada' },
    body: `message ${seq}`,
    clientKey: null,
    createdAt: 1000 + seq,
    ...patch,
  };
}

/** Polls until `check` holds; the widget reacts to frames asynchronously. */
export async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 5));
  }
}
