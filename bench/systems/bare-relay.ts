/**
 * The floor: a `ws` server that forwards the bytes a visitor sends to the agent sockets following that
 * visitor's conversation. Routing is the only work: the conversation comes from the visitor's URL
 * (`?c=`), an agent lists its conversations once. No parsing per frame, no validation, no storage, no ack.
 *
 * With a `FrameStore` it is the storing floor: each frame is stored first (one row per commit, see
 * storing-floor.ts), then relayed and acknowledged to the visitor with `{"ack":n}`; still no parsing,
 * no validation, no idempotency, no sequence. What any relay that acknowledges only stored messages
 * must at least do, for Candor to be compared with.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FrameStore {
  /** Resolves once the frame is durably stored. */
  save(conversation: string, frame: Buffer): Promise<void>;
  close(): Promise<void>;
}

export async function startBareRelay(store?: FrameStore): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({
    server,
    perMessageDeflate: false,
    maxPayload: 16 * 1024,
    clientTracking: false,
  });
  const rooms = new Map<string, Set<WebSocket>>();
  const relay = (conversation: string, data: Buffer, binary: boolean) => {
    const room = rooms.get(conversation);
    if (room) for (const agent of room) agent.send(data, { binary });
  };
  wss.on('connection', (ws, req) => {
    ws.on('error', () => ws.terminate());
    const conversation = new URL(req.url ?? '/', 'http://relay').searchParams.get('c');
    if (conversation === null) return followAsAgent(ws, rooms);
    if (!store) {
      ws.on('message', (data: Buffer, isBinary) => relay(conversation, data, isBinary));
      return;
    }
    let acked = 0;
    ws.on('message', (data: Buffer, isBinary) => {
      store.save(conversation, data).then(
        () => {
          relay(conversation, data, isBinary);
          ws.send(`{"ack":${++acked}}`);
        },
        (err: unknown) => ws.send(JSON.stringify({ type: 'error', message: String(err) })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store?.close();
    },
  };
}

/** An agent's one frame: {"subscribe":[conversation ids]}; answered {"subscribed":n}. */
function followAsAgent(ws: WebSocket, rooms: Map<string, Set<WebSocket>>): void {
  ws.once('message', (data: Buffer) => {
    const ids = (JSON.parse(data.toString()) as { subscribe: string[] }).subscribe;
    for (const id of ids) {
      let room = rooms.get(id);
      if (!room) rooms.set(id, (room = new Set()));
      room.add(ws);
    }
    ws.once('close', () => ids.forEach((id) => rooms.get(id)?.delete(ws)));
    ws.send(`{"subscribed":${ids.length}}`);
  });
}
