import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { CLOSE_CODES, PROTOCOL_VERSION } from '@candor/protocol';
import { createConnection, type Connection, type LinkState } from './connection';
import { FakeServer, until, welcome } from './fake-server';

let server: FakeServer;
let conn: Connection | undefined;

beforeEach(async () => {
  server = await FakeServer.start();
});
afterEach(async () => {
  conn?.stop();
  await server.close();
});

function connect(patch: { welcomeTimeoutMs?: number; baseMs?: number } = {}) {
  const states: LinkState[] = [];
  let refused = 0;
  conn = createConnection({
    url: server.url,
    WebSocket,
    hello: () => ({ type: 'hello', protocol: PROTOCOL_VERSION }),
    onFrame: () => undefined,
    onState: (s) => states.push(s),
    onUnauthenticated: () => refused++,
    backoff: { baseMs: patch.baseMs ?? 5, capMs: Math.max(20, patch.baseMs ?? 0), random: () => 1 },
    ...(patch.welcomeTimeoutMs ? { welcomeTimeoutMs: patch.welcomeTimeoutMs } : {}),
  });
  conn.start();
  return { conn, states, refused: () => refused };
}

describe('connection', () => {
  it('is ready only once welcomed, and sends nothing before', async () => {
    const c = connect();
    await server.take('hello');
    assert.equal(c.conn.send({ type: 'typing.update', conversationId: 'c1', typing: true }), false);
    server.push(welcome());
    await until(() => c.conn.ready);
    assert.deepEqual(c.states, ['connecting', 'ready']);
  });

  it('reconnects by itself after the connection drops', async () => {
    const c = connect();
    await server.take('hello');
    server.push(welcome());
    await until(() => c.conn.ready);
    server.dropConnection(CLOSE_CODES.goingAway);
    await server.take('hello');
    assert.deepEqual(c.states.slice(0, 4), ['connecting', 'ready', 'waiting', 'connecting']);
  });

  it('tells its owner when credentials are refused, then tries again', async () => {
    const c = connect();
    await server.take('hello');
    server.dropConnection(CLOSE_CODES.unauthenticated);
    await server.take('hello');
    assert.equal(c.refused(), 1);
  });

  it('stops for good when the protocol version is refused', async () => {
    const c = connect();
    await server.take('hello');
    server.dropConnection(CLOSE_CODES.unsupportedVersion);
    await until(() => c.states.includes('stopped'));
    c.conn.wake();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(server.sockets.length, 1);
  });

  it('gives up on a socket that is never welcomed', async () => {
    connect({ welcomeTimeoutMs: 30 });
    await server.take('hello');
    await server.take('hello');
    assert.ok(server.sockets.length >= 2);
  });

  it('reconnects at once when woken instead of waiting out the backoff', async () => {
    const c = connect({ baseMs: 60_000 });
    await server.take('hello');
    server.dropConnection();
    await until(() => c.states.at(-1) === 'waiting');
    c.conn.wake();
    await server.take('hello');
  });
});
