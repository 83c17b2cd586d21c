/** The widget asks whether its page may chat, since a browser cannot see why an upgrade was refused. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { startTestServer, type TestServer } from '../../testing/test-server';

describe('GET /api/v1/widget/status', () => {
  let server: TestServer;
  const status = (origin?: string) =>
    fetch(`${server.url}/api/v1/widget/status`, { headers: origin ? { origin } : {} });

  before(async () => {
    server = await startTestServer({ allowedOrigins: ['https://shop.example'] });
  });
  after(() => server.close());

  it('says a site not in CANDOR_ALLOWED_ORIGINS may not chat, readable by that site', async () => {
    const res = await status('https://elsewhere.example');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(await res.json(), { allowed: false });
  });

  it('agrees with the visitor socket: refused there, refused here; allowed there, allowed here', async () => {
    const upgrade = (origin: string) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(`${server.wsUrl}/ws/visitor`, { origin });
        ws.once('open', () => {
          ws.close();
          resolve(true);
        });
        ws.once('error', () => resolve(false));
      });
    for (const origin of ['https://shop.example', 'https://elsewhere.example', server.url]) {
      const { allowed } = (await (await status(origin)).json()) as { allowed: boolean };
      assert.equal(allowed, await upgrade(origin), origin);
    }
  });

  it('allows the configured site, Candor itself, and a request without Origin', async () => {
    for (const origin of ['https://shop.example', server.url, undefined])
      assert.deepEqual(await (await status(origin)).json(), { allowed: true }, String(origin));
  });
});
