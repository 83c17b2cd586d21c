/** What an agent's inbox shows after subscribing: every open conversation first, however busy the day. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_INBOX_ID } from '../domain/types';
import { newConversation, T0 } from '../storage/contract/fixtures';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn, TestClient } from '../testing/test-client';

const HOUR = 3_600_000;

describe('inbox snapshot', () => {
  let server: TestServer;
  let cookie: string;
  before(async () => {
    server = await startTestServer();
    cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  const start = (count: number, at: (i: number) => number) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        newConversation(server.store, { inboxId: DEFAULT_INBOX_ID, now: at(i) }).then(
          (c) => c.conversation.id,
        ),
      ),
    );

  async function snapshot() {
    const { client } = await TestClient.hello(server.wsUrl, 'agent', { cookie });
    client.send({ type: 'inbox.subscribe', ref: 'inbox' });
    // A thousand conversations' snapshot takes a moment on a loaded 2-core CI machine: wait for it
    // longer than the default, which is no claim about its speed (bench/ measures that).
    const frame = await client.next('inbox.snapshot', 20_000);
    client.close();
    return frame;
  }

  it('keeps the customer who has waited longest after a day of 250 resolved conversations', async () => {
    const [waiting] = await start(1, () => T0);
    const done = await start(250, (i) => T0 + HOUR + i);
    for (const [i, id] of done.entries())
      await server.store.updateConversation(id, { status: 'resolved', now: T0 + 2 * HOUR + i });

    const frame = await snapshot();
    const ids = frame.conversations.map((c) => c.id);
    assert.ok(waiting !== undefined && ids.includes(waiting), 'the open conversation is in the inbox');
    assert.equal(ids.length, 1 + 200, 'every open one, then the latest 200 resolved');
    assert.equal(ids[0], done.at(-1), 'most recently updated first');
    assert.equal(frame.openNotShown, undefined);
  });

  it("past 1,000 open conversations, keeps the longest waiting and the agent's own, and says how many it left out", async () => {
    // Older than the previous test's conversation, so they are the longest waiting of all.
    const open = await start(1_002, (i) => T0 - HOUR + i);
    const admin = await server.store.findAgentByEmail(ADMIN.email);
    const newest = open.at(-1);
    assert.ok(admin !== undefined && newest !== undefined);
    await server.store.updateConversation(newest, { assigneeId: admin.id, now: T0 + 3 * HOUR });

    const frame = await snapshot();
    const shown = new Set(frame.conversations.filter((c) => c.status === 'open').map((c) => c.id));
    assert.ok(
      open.slice(0, 1_000).every((id) => shown.has(id)),
      'the 1,000 longest waiting are all shown',
    );
    assert.ok(shown.has(newest), "the agent's own conversation is shown past the cut");
    assert.equal(shown.size, 1_001);
    assert.equal(frame.openNotShown, 2, 'the second newest of these and the open one of the previous test');
  });
});
