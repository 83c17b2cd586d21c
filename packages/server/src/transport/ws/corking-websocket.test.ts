import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { WebSocket, WebSocketServer } from 'ws';
import { CorkingWebSocket } from './corking-websocket';

/** A server socket of class CorkingWebSocket, the client that reads it, and its net.Socket's writes. */
async function connectedPair() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', WebSocket: CorkingWebSocket });
  await once(wss, 'listening');
  const accepted = once(wss, 'connection') as Promise<[CorkingWebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on('message', (data: Buffer) => received.push(data.toString()));
  const [[server]] = await Promise.all([accepted, once(client, 'open')]);
  // Each call of these is one system call on the socket (write or writev).
  type Writes = Record<'_write' | '_writev', (...args: unknown[]) => void>;
  const socket = (server as unknown as { _socket: Writes })._socket;
  let writes = 0;
  for (const method of ['_write', '_writev'] as const) {
    const original = socket[method].bind(socket);
    socket[method] = (...args: unknown[]) => {
      writes++;
      original(...args);
    };
  }
  const until = async (count: number) => {
    while (received.length < count) await new Promise((r) => setTimeout(r, 5));
  };
  const close = async () => {
    client.terminate();
    await new Promise((r) => wss.close(r));
  };
  return { server, client, received, writes: () => writes, until, close };
}

describe('corking websocket', () => {
  it('sends the frames of one turn of the event loop in one write, in order', async () => {
    const pair = await connectedPair();
    try {
      for (let i = 0; i < 5; i++) pair.server.send(`frame ${i}`);
      await pair.until(5);
      assert.deepEqual(pair.received, ['frame 0', 'frame 1', 'frame 2', 'frame 3', 'frame 4']);
      assert.equal(pair.writes(), 1);
    } finally {
      await pair.close();
    }
  });

  it('sends a frame of a later turn on its own, without waiting for more', async () => {
    const pair = await connectedPair();
    try {
      pair.server.send('first');
      await pair.until(1);
      pair.server.send('second');
      await pair.until(2);
      assert.deepEqual(pair.received, ['first', 'second']);
      assert.equal(pair.writes(), 2);
    } finally {
      await pair.close();
    }
  });

  it('sends what was corked and the close frame when closed and terminated in the same turn', async () => {
    const pair = await connectedPair();
    const closed = new Promise<number>((resolve) => pair.client.once('close', resolve));
    try {
      pair.server.send('last words');
      pair.server.close(1001, 'going away');
      pair.server.terminate();
      assert.equal(await closed, 1001);
      assert.deepEqual(pair.received, ['last words']);
    } finally {
      await pair.close();
    }
  });
});
