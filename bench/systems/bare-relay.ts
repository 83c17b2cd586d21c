/**
 * The floor: a `ws` server that forwards the bytes a visitor sends to the agent sockets following that
 * visitor's conversation. Routing is the only work: the conversation comes from the visitor's URL
 * (`?c=`), an agent lists its conversations once. No parsing per frame, no validation, no storage, no ack.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export async function startBareRelay(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({
    server,
    perMessageDeflate: false,
    maxPayload: 16 * 1024,
    clientTracking: false,
  });
  const rooms = new Map<string, Set<WebSocket>>();
  wss.on('connection', (ws, req) => {
    ws.on('error', () => ws.terminate());
    const conversation = new URL(req.url ?? '/', 'http://relay').searchParams.get('c');
    if (conversation === null) return followAsAgent(ws, rooms);
    ws.on('message', (data: Buffer, isBinary) => {
      const room = rooms.get(conversation);
      if (room) for (const agent of room) agent.send(data, { binary: isBinary });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
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
