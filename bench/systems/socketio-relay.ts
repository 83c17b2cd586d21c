/**
 * Socket.IO doing the same work as Candor's message path minus storage: a visitor emits `message`
 * (with an ack callback) or `draft`; the server forwards it to the conversation's room, where the
 * agents are, and acks messages. WebSocket transport only, no compression, like Candor. No storage.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

export async function startSocketIoRelay(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer();
  const io = new Server(server, {
    transports: ['websocket'],
    serveClient: false,
    perMessageDeflate: false,
    maxHttpBufferSize: 16 * 1024,
  });
  io.on('connection', (socket) => {
    const conversation = socket.handshake.query.c;
    if (typeof conversation !== 'string') {
      socket.on('subscribe', (ids: string[], ack: (n: number) => void) => {
        void socket.join(ids);
        ack(ids.length);
      });
      return;
    }
    socket.on('message', (payload: unknown, ack?: (reply: { ok: boolean }) => void) => {
      socket.to(conversation).emit('message', payload);
      ack?.({ ok: true });
    });
    socket.on('draft', (payload: unknown) => {
      socket.to(conversation).emit('draft', payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}
