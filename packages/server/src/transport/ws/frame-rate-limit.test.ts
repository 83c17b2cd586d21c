/** Every frame takes a token of the socket's frame rate, whatever it holds: junk floods are closed too. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_CODES } from '@candor/protocol';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { TestClient } from '../../testing/test-client';

describe('frame rate limit', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const floods: [string, (client: TestClient) => void][] = [
    ['invalid JSON', (client) => client.ws.send('not json {')],
    ['binary frames', (client) => client.ws.send(Buffer.from('{"type":"hello","protocol":1}'))],
  ];
  for (const [name, sendOne] of floods) {
    it(`answers a flood of ${name} with rate_limited, then closes the socket (4008)`, async () => {
      const { client } = await TestClient.hello(server.wsUrl, 'visitor');
      for (let i = 0; i < 200; i++) sendOne(client);
      assert.equal(await client.closed(), CLOSE_CODES.rateLimited);
      assert.ok(client.frames.some((f) => f.type === 'error' && f.code === 'rate_limited'));
      const { client: other } = await TestClient.hello(server.wsUrl, 'visitor');
      await other.sendMessage(null, 'unaffected');
      other.close();
    });
  }
});
