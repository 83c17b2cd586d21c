/** Raw `ws` sockets for load generators: open one, and wait for a frame during setup. */
import WebSocket from 'ws';

export interface OpenOptions {
  headers?: Record<string, string>;
  /** A loopback source address (127.0.0.x), to spread many connections over several. */
  localAddress?: string;
  /** Called before the socket opens: a server may speak first, in the same packet as the handshake. */
  prepare?: (ws: WebSocket) => void;
}

export function openSocket(url: string, options: OpenOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, {
    perMessageDeflate: false,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  options.prepare?.(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.off('error', reject);
      ws.on('error', () => ws.terminate());
      resolve(ws);
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`${url}: HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** The first text frame for which `match` is true; call it before sending what it answers. */
export function waitFor(
  ws: WebSocket,
  match: (text: string) => boolean,
  timeoutMs = 60_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | undefined, text?: string) => {
      clearTimeout(timer);
      ws.off('message', onMessage);
      ws.off('close', onClose);
      if (err) reject(err);
      else resolve(text!);
    };
    const onMessage = (data: Buffer) => {
      const text = data.toString();
      if (match(text)) done(undefined, text);
    };
    const onClose = (code: number) => done(new Error(`socket closed (${code}) during setup`));
    const timer = setTimeout(() => done(new Error('timed out waiting for a frame during setup')), timeoutMs);
    ws.on('message', onMessage);
    ws.on('close', onClose);
  });
}

/** Runs `fn` over `count` indexes with at most `limit` at a time; results in index order. */
export async function mapLimit<T>(count: number, limit: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      out[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return out;
}
