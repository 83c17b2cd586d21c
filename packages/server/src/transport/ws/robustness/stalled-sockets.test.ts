/**
 * Many sockets that each send most of a frame and stall: memory stays bounded while they hang on
 * (ws buffers at most maxPayload per socket), is given back once they go, and the good client beside
 * them is served throughout.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LIMITS, WS_PATHS } from '@candor/protocol';
import { startTestServer, type TestServer } from '../../../testing/test-server';
import { Bystander } from './bystander';
import { RawWs } from './raw-ws';
import { encodeFrame, OPCODES } from './ws-frames';

const STALLED = 200;
const MB = 1024 * 1024;

// The test runner's command line is not ours to change, so gc() is exposed from inside.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap plus Buffers (which live outside the heap), after a full collection. */
function memoryInUse(): number {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

describe(`${STALLED} sockets stalled in the middle of a frame`, () => {
  let server: TestServer;
  let bystander: Bystander;
  const stalled: RawWs[] = [];

  before(async () => {
    server = await startTestServer({ maxConnectionsPerIp: STALLED + 10 });
    bystander = await Bystander.join(server.wsUrl);
  });

  after(async () => {
    for (const raw of stalled) raw.destroy();
    bystander?.close();
    await server?.close();
  });

  it('hold bounded memory, leave the good client unaffected, and give it all back when they go', async () => {
    const sockets = server.gateway.connectionCount();
    const baseline = memoryInUse();
    // One byte short of the largest frame allowed: the most ws will buffer for each of them.
    const almost = encodeFrame({ opcode: OPCODES.text, payload: 'x'.repeat(LIMITS.frameBytesMax) });
    for (let i = 0; i < STALLED; i++) {
      const raw = await RawWs.open(server.url, WS_PATHS.visitor);
      raw.autoPong = false;
      raw.write(almost.subarray(0, almost.length - 1));
      stalled.push(raw);
    }
    await bystander.chat('busy in here?');
    assert.equal(server.gateway.connectionCount(), sockets + STALLED);
    const holding = memoryInUse() - baseline;
    assert.ok(holding < 50 * MB, `${STALLED} stalled sockets hold ${(holding / MB).toFixed(1)} MB`);

    for (const raw of stalled.splice(0)) raw.destroy();
    const deadline = Date.now() + 3000;
    while (server.gateway.connectionCount() > sockets && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    assert.equal(server.gateway.connectionCount(), sockets, 'every stalled socket was forgotten');
    const left = memoryInUse() - baseline;
    assert.ok(left < 5 * MB, `${(left / MB).toFixed(1)} MB still held after they closed`);
    bystander.assertUntouched();
    await bystander.chat('quiet again');
  });
});
