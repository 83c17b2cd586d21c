/** A protocol client for tests: real WebSocket, frames collected, waits with a deadline. */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, WS_PATHS, type ServerFrame } from '@candor/protocol';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

export class TestClient {
  readonly frames: ServerFrame[] = [];
  private waiters: (() => void)[] = [];
  closeCode: number | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.frames.push(JSON.parse(data.toString()) as ServerFrame);
      this.wake();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  static async connect(
    baseWsUrl: string,
    role: 'visitor' | 'agent',
    options: { cookie?: string; origin?: string } = {},
  ): Promise<TestClient> {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.origin) headers.origin = options.origin;
    const ws = new WebSocket(`${baseWsUrl}${WS_PATHS[role]}`, { headers });
    const client = new TestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
    return client;
  }

  /** Connects and says hello; resolves with the welcome. */
  static async hello(
    baseWsUrl: string,
    role: 'visitor' | 'agent',
    options: { cookie?: string; visitorToken?: string } = {},
  ) {
    const client = await TestClient.connect(baseWsUrl, role, options);
    client.send({
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      ...(options.visitorToken ? { visitorToken: options.visitorToken } : {}),
    });
    const welcome = await client.next('welcome');
    return { client, welcome };
  }

  send(frame: object): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** Sends a command with a fresh ref and waits for the ack or error carrying it. */
  async request(frame: object): Promise<Frame<'ack'> | Frame<'error'>> {
    const ref = randomUUID();
    this.send({ ...frame, ref });
    return this.waitFor(
      (f): f is Frame<'ack'> | Frame<'error'> => (f.type === 'ack' || f.type === 'error') && f.ref === ref,
    );
  }

  async sendMessage(conversationId: string | null, body: string, clientKey: string = randomUUID()) {
    const reply = await this.request({ type: 'message.send', conversationId, clientKey, body });
    if (reply.type !== 'ack' || !reply.message) throw new Error(`send failed: ${JSON.stringify(reply)}`);
    return reply.message;
  }

  next<T extends ServerFrame['type']>(type: T, timeoutMs = 3000): Promise<Frame<T>> {
    return this.waitFor((f): f is Frame<T> => f.type === type, timeoutMs);
  }

  /** The first frame (already received or yet to come) matching the predicate; consumed. */
  async waitFor<F extends ServerFrame>(match: (f: ServerFrame) => f is F, timeoutMs = 3000): Promise<F> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.frames.findIndex(match);
      if (i >= 0) return this.frames.splice(i, 1)[0] as F;
      if (this.closeCode !== undefined) throw new Error(`socket closed (${this.closeCode}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; frames: ${JSON.stringify(this.frames).slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  closed(timeoutMs = 3000): Promise<number> {
    if (this.closeCode !== undefined) return Promise.resolve(this.closeCode);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
      this.ws.once('close', (code) => {
        clearTimeout(t);
        resolve(code);
      });
    });
  }

  close(): void {
    this.ws.close();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** Logs in over REST and returns the session cookie for WebSocket upgrades and API calls. */
export async function logIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}
