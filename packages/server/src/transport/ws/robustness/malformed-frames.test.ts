/**
 * WebSocket frames no library would send, written by hand over TCP: each attack is closed with the RFC
 * 6455 code for it, the server stays up, and a visitor chatting beside it notices nothing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_CODES, WS_PATHS } from '@candor/protocol';
import { startTestServer, type TestServer } from '../../../testing/test-server';
import { Bystander } from './bystander';
import { RawWs } from './raw-ws';
import { encodeFrame, OPCODES, type FrameSpec } from './ws-frames';
import { ATTACKS } from './malformed-attacks';

// Shorter than the default 10 s (CANDOR_HELLO_TIMEOUT_SECONDS), still longer than the attacks take.
const HELLO_TIMEOUT_MS = 4_000;
const text = (payload: string): FrameSpec => ({ opcode: OPCODES.text, payload });

describe('hand-built WebSocket frames over raw TCP', () => {
  let server: TestServer;
  let bystander: Bystander;
  // Opened first, so the hello timeout runs while the other attacks do.
  let silent: RawWs;
  let halfFrameNoHello: RawWs;
  let openedAt = 0;

  before(async () => {
    server = await startTestServer({
      helloTimeoutMs: HELLO_TIMEOUT_MS,
      // The bystander chats after each of some 45 attacks, which a quiet machine runs in about a
      // second: past the default 20 frames/s and burst of 40, it was rate limited now and then.
      frameRate: { perSecond: 500, burst: 500 },
    });
    openedAt = Date.now();
    silent = await RawWs.open(server.url, WS_PATHS.visitor);
    halfFrameNoHello = await RawWs.open(server.url, WS_PATHS.visitor);
    halfFrameNoHello.autoPong = false; // mid-frame, it could not answer a ping
    halfFrameNoHello.write(encodeFrame(text('{"type":"hello","protocol":1}')).subarray(0, 12));
    bystander = await Bystander.join(server.wsUrl);
  });

  after(async () => {
    silent?.destroy();
    halfFrameNoHello?.destroy();
    bystander?.close();
    await server?.close();
  });

  /** A raw visitor that said hello, then misbehaves; resolves with the code the server closed it with. */
  async function attack(misbehave: (raw: RawWs) => void | Promise<void>): Promise<number | undefined> {
    const sockets = server.gateway.connectionCount();
    const raw = await RawWs.open(server.url, WS_PATHS.visitor);
    try {
      await raw.hello();
      await misbehave(raw);
      return (await raw.end()).code;
    } finally {
      raw.destroy();
      await until(() => server.gateway.connectionCount() <= sockets, 'the attacker to be forgotten');
    }
  }

  async function bystanderStillChats(label: string): Promise<void> {
    bystander.assertUntouched();
    await bystander.chat(`still fine after ${label}`);
  }

  for (const { name, bytes, code } of ATTACKS) {
    it(`${name}: closed with ${code}; the server carries on`, async () => {
      assert.equal(await attack((raw) => raw.write(bytes)), code);
      await bystanderStillChats(name);
    });
  }

  it('a paced ping flood is answered pong for pong, and that socket still chats', async () => {
    const raw = await RawWs.open(server.url, WS_PATHS.visitor);
    try {
      await raw.hello();
      for (let i = 0; i < 1000; i++) {
        raw.send({ opcode: OPCODES.ping, payload: 'p'.repeat(125) });
        if (i % 20 === 0) await new Promise((r) => setImmediate(r));
      }
      raw.sendJson({
        type: 'message.send',
        conversationId: null,
        clientKey: 'after-pings',
        body: 'hi',
        ref: 'r1',
      });
      await raw.until(() => raw.json().some((f) => f.type === 'ack' && f.ref === 'r1'), 'the ack');
      assert.equal(raw.frames.filter((f) => f.opcode === OPCODES.pong).length, 1000);
    } finally {
      raw.destroy();
    }
    await bystanderStillChats('a paced ping flood');
  });

  it('a burst of 5,000 pings in one write is cut off (ws: 60 unanswered pongs at most); others carry on', async () => {
    const burst = Buffer.concat(
      Array.from({ length: 5000 }, () => encodeFrame({ opcode: OPCODES.ping, payload: 'p'.repeat(125) })),
    );
    // ws terminates without a close frame (the client sees 1006), which protocol.md does not list.
    assert.equal(await attack((raw) => raw.write(burst)), undefined);
    await bystanderStillChats('a ping burst');
  });

  it('a hello and a message sent one byte per TCP write work, and hold nobody up meanwhile', async () => {
    const raw = await RawWs.open(server.url, WS_PATHS.visitor);
    try {
      const slowHello = raw.writeSlowly(encodeFrame(text('{"type":"hello","protocol":1}')), 10);
      let helloDone = false;
      void slowHello.then(() => (helloDone = true));
      await bystanderStillChats('the start of a byte-by-byte hello');
      assert.equal(
        helloDone,
        false,
        'the bystander should have been served while the slow hello was arriving',
      );
      await slowHello;
      await raw.until(() => raw.json().some((f) => f.type === 'welcome'), 'welcome');
      const send = {
        type: 'message.send',
        conversationId: null,
        clientKey: 'slow',
        body: 'slowly',
        ref: 'slow',
      };
      await raw.writeSlowly(encodeFrame(text(JSON.stringify(send))), 1);
      await raw.until(() => raw.json().some((f) => f.type === 'ack' && f.ref === 'slow'), 'the ack');
    } finally {
      raw.destroy();
    }
    await bystanderStillChats('a byte-by-byte sender');
  });

  it('sockets that never say hello are closed with 4001 after the hello timeout, even one stalled mid-frame', async () => {
    const left = HELLO_TIMEOUT_MS - (Date.now() - openedAt);
    const [quiet, stalled] = await Promise.all([silent.end(left + 2000), halfFrameNoHello.end(left + 2000)]);
    for (const ended of [quiet, stalled])
      assert.ok(ended.at - openedAt >= HELLO_TIMEOUT_MS - 100, 'not before the timeout');
    assert.equal(quiet.code, CLOSE_CODES.unauthenticated);
    assert.equal(stalled.code, CLOSE_CODES.unauthenticated);
    await until(() => server.gateway.connectionCount() === 1, 'only the bystander to remain');
    await bystanderStillChats('the hello timeouts');
  });

  // Last: the heartbeat would also free the stalled socket waiting above for its hello timeout.
  it('a socket stalled mid-frame after hello is freed by the heartbeat; others are unaffected', async () => {
    const raw = await RawWs.open(server.url, WS_PATHS.visitor);
    await raw.hello();
    raw.autoPong = false; // a pong cannot be sent from the middle of a frame
    raw.write(encodeFrame(text('x'.repeat(1000))).subarray(0, 500));
    // Two beats driven by hand: a configured interval would also beat during the attacks above, whose
    // sockets stall mid-frame and could not answer (heartbeat.test.ts runs one from the configuration).
    const gateway = server.gateway as unknown as { beat(): void };
    gateway.beat();
    await bystanderStillChats('a first heartbeat'); // the bystander's pong arrives meanwhile
    await new Promise((r) => setTimeout(r, 50));
    gateway.beat();
    assert.equal((await raw.end()).code, undefined, 'terminated, without a close frame');
    raw.destroy();
    await until(() => server.gateway.connectionCount() === 1, 'only the bystander to remain');
    await bystanderStillChats('a stalled socket');
  });
});

async function until(done: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
