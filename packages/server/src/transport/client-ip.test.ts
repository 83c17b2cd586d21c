/**
 * Whose address a connection counts against: a peer that is not a trusted proxy cannot choose it with
 * X-Forwarded-For; a trusted proxy's forwarded address is used.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { WS_PATHS } from '@candor/protocol';
import { startTestServer, type TestServer } from '../testing/test-server';
import { TrustedProxies } from './trusted-proxies';

/** Opens a visitor socket claiming to come through a proxy; resolves with the socket or the HTTP status. */
function visitorVia(server: TestServer, forwardedFor: string): Promise<WebSocket | number> {
  const ws = new WebSocket(`${server.wsUrl}${WS_PATHS.visitor}`, {
    headers: { 'x-forwarded-for': forwardedFor },
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

async function withServer(trusted: string, run: (server: TestServer) => Promise<void>): Promise<void> {
  // Two visitor sockets per address: the third from one address is refused (429).
  const server = await startTestServer({
    maxConnectionsPerIp: 2,
    trustProxy: TrustedProxies.parse(trusted),
  });
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

const opened = (result: WebSocket | number): boolean => {
  if (typeof result === 'number') return false;
  result.terminate();
  return true;
};

describe('client address behind proxies', () => {
  it('ignores X-Forwarded-For from a direct peer that is not a trusted proxy', async () => {
    // The test connects from 127.0.0.1, which is not in the trusted range.
    await withServer('10.0.0.0/8', async (server) => {
      const a = await visitorVia(server, '198.51.100.1');
      const b = await visitorVia(server, '198.51.100.2');
      assert.ok(a instanceof WebSocket && b instanceof WebSocket);
      assert.equal(await visitorVia(server, '198.51.100.3'), 429, 'a new claimed address got a new budget');
      const metrics = await fetch(`${server.url}/metrics`, {
        headers: { 'x-forwarded-for': '198.51.100.9' },
      });
      assert.equal(metrics.status, 200, 'a loopback scraper stays a loopback scraper');
      a.terminate();
      b.terminate();
    });
  });

  it("uses a trusted proxy's forwarded address, the rightmost one not itself a trusted proxy", async () => {
    await withServer('127.0.0.1,10.0.0.0/8', async (server) => {
      // What the client wrote (left) is not believed; what the trusted hops appended is.
      const a = await visitorVia(server, '192.0.2.50, 198.51.100.1');
      const b = await visitorVia(server, '192.0.2.51, 198.51.100.1, 10.1.2.3');
      assert.ok(a instanceof WebSocket && b instanceof WebSocket);
      assert.equal(await visitorVia(server, '192.0.2.52, 198.51.100.1'), 429);
      assert.ok(opened(await visitorVia(server, '198.51.100.2')), 'another client behind the proxy');
      const metrics = await fetch(`${server.url}/metrics`, {
        headers: { 'x-forwarded-for': '198.51.100.9' },
      });
      assert.equal(metrics.status, 403, 'a remote client reaching /metrics through the proxy');
      a.terminate();
      b.terminate();
    });
  });
});
