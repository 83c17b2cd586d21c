/**
 * A ws WebSocket whose frames sent in one turn of the event loop leave in one write. A message costs
 * its sender an ack and a conversation update, and an agent following many busy conversations gets
 * several frames per turn: each frame was its own writev system call, the largest single cost of
 * relaying. Corking until the next tick keeps the order and adds no timer.
 */
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

type SendOptions = Parameters<WebSocket['send']>[1];
type SendCallback = (err?: Error) => void;

export class CorkingWebSocket extends WebSocket {
  override send(data: WebSocket.Data, cb?: SendCallback): void;
  override send(data: WebSocket.Data, options: SendOptions, cb?: SendCallback): void;
  override send(data: WebSocket.Data, options?: SendOptions | SendCallback, cb?: SendCallback): void {
    // ws keeps the net.Socket private; it has been `_socket` since ws 1.0.
    const socket = (this as unknown as { _socket: Socket | null })._socket;
    if (socket !== null && socket.writableCorked === 0 && this.readyState === WebSocket.OPEN) {
      socket.cork();
      process.nextTick(uncork, socket);
    }
    if (typeof options === 'function') super.send(data, options);
    else super.send(data, options ?? {}, cb);
  }
}

function uncork(socket: Socket): void {
  if (socket.writableCorked > 0) socket.uncork();
}
