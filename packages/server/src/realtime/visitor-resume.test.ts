/**
 * A returning visitor's token is rotated on every resume and expires when idle, through a real server.
 * That an old token lapses once its grace is over is in the store contract (visitor-token.contract.ts),
 * where time can be moved.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../config';
import { startTestServer, type TestServer } from '../testing/test-server';
import { TestClient } from '../testing/test-client';

async function newVisitor(server: TestServer) {
  const { client, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
  client.close();
  assert.ok(welcome.visitor?.token);
  return { id: welcome.visitor.id, token: welcome.visitor.token };
}

describe('visitor tokens, rotated on use', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('each resume answers with a new token, which resumes the same visitor', async () => {
    const first = await newVisitor(server);
    const again = await TestClient.hello(server.wsUrl, 'visitor', { visitorToken: first.token });
    again.client.close();
    const next = again.welcome.visitor?.token;
    assert.equal(again.welcome.visitor?.id, first.id);
    assert.ok(next && next !== first.token, 'a new token replaces the one used');
    const third = await TestClient.hello(server.wsUrl, 'visitor', { visitorToken: next });
    third.client.close();
    assert.equal(third.welcome.visitor?.id, first.id);
  });

  it('two tabs resuming with the same token at once both stay the same visitor', async () => {
    const first = await newVisitor(server);
    const tabs = await Promise.all(
      [1, 2, 3].map(() => TestClient.hello(server.wsUrl, 'visitor', { visitorToken: first.token })),
    );
    for (const tab of tabs) tab.client.close();
    assert.deepEqual(
      tabs.map((t) => t.welcome.visitor?.id),
      [first.id, first.id, first.id],
    );
    const tokens = new Set(tabs.map((t) => t.welcome.visitor?.token));
    assert.equal(tokens.size, 3, 'each tab was issued its own token');
  });
});

describe('visitor tokens, expired when idle', () => {
  let server: TestServer;
  before(async () => {
    // An idle time of 1 ms, so a token is idle too long as soon as the clock has moved.
    server = await startTestServer({ visitorTokenIdleMs: 1 });
  });
  after(() => server.close());

  it('a token unused for longer than the idle time gets a new visitor', async () => {
    const first = await newVisitor(server);
    await sleep(5);
    const again = await TestClient.hello(server.wsUrl, 'visitor', { visitorToken: first.token });
    again.client.close();
    assert.notEqual(again.welcome.visitor?.id, first.id);
    assert.ok(again.welcome.visitor?.token && again.welcome.visitor.token !== first.token);
  });

  it('the idle time is CANDOR_VISITOR_TOKEN_IDLE_DAYS, 30 by default', () => {
    assert.equal(loadConfig({}).visitorTokenIdleMs, 30 * 86_400_000);
    assert.equal(loadConfig({ CANDOR_VISITOR_TOKEN_IDLE_DAYS: '7' }).visitorTokenIdleMs, 7 * 86_400_000);
    assert.throws(
      () => loadConfig({ CANDOR_VISITOR_TOKEN_IDLE_DAYS: '0' }),
      /CANDOR_VISITOR_TOKEN_IDLE_DAYS/,
    );
  });
});
