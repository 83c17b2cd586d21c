import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_CODES, PROTOCOL_VERSION } from '@candor/protocol';
import type { ServerFrame } from '@candor/protocol';
import type WsWebSocket from 'ws';
import { backoffDelay, BACKOFF_CAP_MS, Connection } from './connection';
import type { ConnectionStatus, SocketFactory } from './connection';
import { FakeSocket, ManualTimers } from './test-fakes';

// Compile-time only: the `ws` package's client fits the seam, so Node tests may pass it in directly.
const _wsFits: SocketFactory = null as unknown as typeof WsWebSocket;

const welcome: ServerFrame = {
  type: 'welcome',
  protocol: PROTOCOL_VERSION,
  role: 'agent',
  conversations: [],
  serverTime: 1,
};

function setup(isSignedIn?: () => Promise<boolean>) {
  FakeSocket.all = [];
  const timers = new ManualTimers();
  const statuses: ConnectionStatus[] = [];
  const frames: ServerFrame[] = [];
  let onlineCount = 0;
  const connection = new Connection({
    url: 'ws://test/ws/agent',
    socket: FakeSocket,
    timers,
    random: () => 0.5,
    isSignedIn,
    onOnline: () => (onlineCount += 1),
    onFrame: (f) => frames.push(f),
    onStatus: (s) => statuses.push(s),
  });
  return { connection, timers, statuses, frames, online: () => onlineCount };
}

afterEach(() => {
  FakeSocket.all = [];
});

describe('backoff', () => {
  it('doubles the ceiling from 500 ms and scales it by the random draw (full jitter)', () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((n) => backoffDelay(n, () => 0.999999)),
      [499, 999, 1999, 3999],
    );
    assert.equal(
      backoffDelay(3, () => 0.5),
      2000,
    );
    assert.equal(
      backoffDelay(5, () => 0),
      0,
    );
  });

  it('never waits more than 30 s', () => {
    assert.equal(
      backoffDelay(40, () => 0.999999),
      BACKOFF_CAP_MS - 1,
    );
  });
});

describe('connection', () => {
  it('says hello on open and is online once welcomed', () => {
    const { connection, statuses, online } = setup();
    connection.start();
    FakeSocket.last.serverOpen();
    assert.deepEqual(FakeSocket.last.sent, [{ type: 'hello', protocol: PROTOCOL_VERSION }]);
    assert.equal(connection.status, 'connecting');
    FakeSocket.last.serverSend(welcome);
    assert.deepEqual(statuses, ['online']);
    assert.equal(online(), 1);
  });

  it('refuses to send commands before the welcome', () => {
    const { connection } = setup();
    connection.start();
    FakeSocket.last.serverOpen();
    assert.equal(connection.send({ type: 'inbox.subscribe' }), false);
    FakeSocket.last.serverSend(welcome);
    assert.equal(connection.send({ type: 'inbox.subscribe' }), true);
  });

  it('passes other frames on and ignores non-JSON', () => {
    const { connection, frames } = setup();
    connection.start();
    FakeSocket.last.serverOpen();
    FakeSocket.last.serverSend(welcome);
    const updated: ServerFrame = { type: 'inbox.snapshot', conversations: [] };
    FakeSocket.last.serverSend(updated);
    assert.deepEqual(frames, [updated]);
  });

  it('reconnects after a drop with growing delays, and resets them after a welcome', () => {
    const { connection, timers, statuses } = setup();
    connection.start();
    FakeSocket.last.serverOpen();
    FakeSocket.last.serverSend(welcome);
    FakeSocket.last.serverClose(1006);
    assert.equal(connection.status, 'reconnecting');
    assert.deepEqual(timers.delays(), [250]);
    timers.fireAll();
    assert.equal(FakeSocket.all.length, 2);
    FakeSocket.last.serverOpen();
    FakeSocket.last.serverClose(1006);
    assert.deepEqual(timers.delays(), [500]);
    timers.fireAll();
    FakeSocket.last.serverOpen();
    FakeSocket.last.serverSend(welcome);
    FakeSocket.last.serverClose(CLOSE_CODES.goingAway);
    assert.deepEqual(timers.delays(), [250]);
    assert.deepEqual(statuses, ['online', 'reconnecting', 'online', 'reconnecting']);
  });

  it('goes to signed-out without retrying on close codes unauthenticated and loggedOut', () => {
    for (const code of [CLOSE_CODES.unauthenticated, CLOSE_CODES.loggedOut]) {
      const { connection, timers } = setup();
      connection.start();
      FakeSocket.last.serverOpen();
      FakeSocket.last.serverClose(code);
      assert.equal(connection.status, 'signed-out');
      assert.equal(timers.pending.size, 0);
    }
  });

  it('goes to role-changed without retrying when the server says our role changed', () => {
    const { connection, timers } = setup();
    connection.start();
    FakeSocket.last.serverOpen();
    FakeSocket.last.serverClose(CLOSE_CODES.roleChanged);
    assert.equal(connection.status, 'role-changed');
    assert.equal(timers.pending.size, 0);
  });

  it('asks whether still signed in when the upgrade fails, since browsers hide the 401', async () => {
    const { connection, timers } = setup(() => Promise.resolve(false));
    connection.start();
    FakeSocket.last.serverClose(1006);
    await Promise.resolve();
    await Promise.resolve();
    assert.equal(connection.status, 'signed-out');
    assert.equal(timers.pending.size, 0);
  });

  it('keeps retrying a failed upgrade while the cookie is still good or the server unreachable', async () => {
    const { connection, timers } = setup(() => Promise.reject(new Error('offline')));
    connection.start();
    FakeSocket.last.serverClose(1006);
    await new Promise((r) => setImmediate(r));
    assert.equal(connection.status, 'reconnecting');
    assert.equal(timers.pending.size, 1);
  });

  it('stops for good on a protocol version mismatch', () => {
    const { connection, timers } = setup();
    connection.start();
    FakeSocket.last.serverOpen();
    FakeSocket.last.serverSend({ type: 'error', code: 'unsupported_version', message: 'v2 only' });
    assert.equal(connection.status, 'outdated');
    assert.equal(FakeSocket.last.closedWith, CLOSE_CODES.normal);
    assert.equal(timers.pending.size, 0);
  });

  it('retryNow skips the backoff wait', () => {
    const { connection, timers } = setup();
    connection.start();
    FakeSocket.last.serverClose(1006);
    connection.retryNow();
    assert.equal(FakeSocket.all.length, 2);
    assert.equal(timers.pending.size, 0);
  });

  it('stop closes the socket and cancels any retry', () => {
    const { connection, timers } = setup();
    connection.start();
    FakeSocket.last.serverClose(1006);
    connection.stop();
    assert.equal(timers.pending.size, 0);
    assert.equal(connection.status, 'stopped');
  });
});
