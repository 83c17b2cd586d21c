/** CANDOR_HEARTBEAT_SECONDS at work: a socket that stops answering pings is dropped, others stay. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WS_PATHS } from '@candor/protocol';
import { startTestServer, type TestServer } from '../../../testing/test-server';
import { Bystander } from './bystander';
import { RawWs } from './raw-ws';

describe('heartbeat from the configuration', () => {
  let server: TestServer;
  let bystander: Bystander;
  before(async () => {
    server = await startTestServer({ heartbeatMs: 100 });
    bystander = await Bystander.join(server.wsUrl);
  });
  after(async () => {
    bystander?.close();
    await server?.close();
  });

  it('drops a socket that stopped answering pings, and keeps one that answers', async () => {
    const raw = await RawWs.open(server.url, WS_PATHS.visitor);
    try {
      await raw.hello();
      raw.autoPong = false; // a client gone away without closing, as a dead mobile network leaves it
      const ended = await raw.end(3000);
      assert.equal(ended.code, undefined, 'terminated, without a close frame');
    } finally {
      raw.destroy();
    }
    // The bystander went through at least as many beats and answered each.
    bystander.assertUntouched();
    await bystander.chat('still here after the heartbeats');
  });
});
