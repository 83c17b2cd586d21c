/**
 * Sockets per address: a slot is held only by a socket that exists, and visitors and agents each have
 * their own budget, so neither a flood of broken handshakes nor a busy office NAT locks anyone out.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { WS_PATHS } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';

const GOOD_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

/** Upgrade requests that `ws` itself refuses: each would pass every check of Candor's own. */
const BAD_HANDSHAKES: { name: string; method: string; headers: Record<string, string> }[] = [
  { name: 'bad key', method: 'GET', headers: { 'sec-websocket-key': 'not-a-key' } },
  { name: 'no key', method: 'GET', headers: {} },
  {
    name: 'bad version',
    method: 'GET',
    headers: { 'sec-websocket-key': GOOD_KEY, 'sec-websocket-version': '99' },
  },
  {
    name: 'bad protocol',
    method: 'GET',
    headers: { 'sec-websocket-key': GOOD_KEY, 'sec-websocket-protocol': 'a b' },
  },
  { name: 'bad method', method: 'POST', headers: { 'sec-websocket-key': GOOD_KEY } },
];

/** Sends one upgrade request by hand; resolves with the status line once the server has closed. */
function rawUpgrade(
  url: string,
  path: string,
  request: { method: string; headers: Record<string, string> },
): Promise<string> {
  const { hostname, port } = new URL(url);
  const headers = { 'sec-websocket-version': '13', ...request.headers };
  const lines = [
    `${request.method} ${path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Content-Length: 0',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.end(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

async function scrape(server: TestServer): Promise<string> {
  return (await fetch(`${server.url}/metrics`)).text();
}

function refused(metrics: string, reason: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`candor_ws_refused_total{reason="${reason}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('per-IP socket budgets', () => {
  let server: TestServer;
  let cookie: string;
  before(async () => {
    server = await startTestServer({ maxConnectionsPerIp: 5, maxAgentConnectionsPerIp: 3 });
    cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  it('gives the slot back when ws refuses the handshake, and counts the refusal', async () => {
    let sent = 0;
    for (let round = 0; round < 12; round++) {
      for (const bad of BAD_HANDSHAKES) {
        const visitor = await rawUpgrade(server.url, WS_PATHS.visitor, bad);
        const agent = await rawUpgrade(server.url, WS_PATHS.agent, {
          method: bad.method,
          headers: { ...bad.headers, cookie },
        });
        assert.match(visitor, /^HTTP\/1\.1 4\d\d /, `${bad.name}: ${visitor}`);
        assert.match(agent, /^HTTP\/1\.1 4\d\d /, `${bad.name}: ${agent}`);
        assert.doesNotMatch(visitor + agent, / 429 /, `${bad.name} hit the per-IP limit`);
        sent += 2;
      }
    }
    assert.ok(sent >= 100);
    const visitor = await TestClient.hello(server.wsUrl, 'visitor');
    const agent = await TestClient.hello(server.wsUrl, 'agent', { cookie });
    visitor.client.close();
    agent.client.close();
    assert.equal(refused(await scrape(server), 'bad_handshake'), sent);
  });

  it('lets an agent in from an address whose visitor sockets are at their limit', async () => {
    const visitors = await Promise.all(
      [1, 2, 3, 4, 5].map(() => TestClient.connect(server.wsUrl, 'visitor')),
    );
    await assert.rejects(TestClient.connect(server.wsUrl, 'visitor'), /HTTP 429/);
    const agents = await Promise.all(
      [1, 2, 3].map(() => TestClient.connect(server.wsUrl, 'agent', { cookie })),
    );
    await assert.rejects(TestClient.connect(server.wsUrl, 'agent', { cookie }), /HTTP 429/);
    for (const client of [...visitors, ...agents]) {
      client.close();
      await client.closed();
    }
    (await TestClient.connect(server.wsUrl, 'visitor')).close();
  });
});
