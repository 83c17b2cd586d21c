/** GET /api/v1/queues on a real server: the queue of every inbox an agent answers in, and only those. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { InboxQueueView } from '@candor/protocol';
import { newConversation } from '../../storage/contract/fixtures';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn } from '../../testing/test-client';

describe('queues of every inbox', () => {
  let server: TestServer;
  let admin: string;

  before(async () => {
    server = await startTestServer();
    // A second inbox, answered by the admin (no REST creates inboxes yet): written as a migration would.
    const db = new Database(join(server.dataDir, 'candor.db'));
    try {
      db.prepare(
        "insert into inboxes (id, name, preview_policy, created_at) values ('billing', 'Billing', 'off', 0)",
      ).run();
      db.prepare("insert into agent_inboxes (agent_id, inbox_id) select id, 'billing' from agents").run();
    } finally {
      db.close();
    }
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  const queues = async (cookie: string) => {
    const res = await fetch(`${server.url}/api/v1/queues`, { headers: { cookie } });
    assert.equal(res.status, 200, await res.clone().text());
    return ((await res.json()) as { queues: InboxQueueView[] }).queues;
  };

  it('lists the waiting conversations of each inbox the agent answers in, by inbox name', async () => {
    const inDefault = await newConversation(server.store, { inboxId: 'default' });
    const inBilling = await newConversation(server.store, { inboxId: 'billing' });
    const mine = await queues(admin);
    assert.deepEqual(
      mine.map((q) => q.inboxId),
      ['billing', 'default'],
      'Billing, then the default inbox',
    );
    const ids = (inboxId: string) =>
      mine.find((q) => q.inboxId === inboxId)?.entries.map((e) => e.conversationId);
    assert.deepEqual(ids('billing'), [inBilling.conversation.id]);
    assert.deepEqual(ids('default'), [inDefault.conversation.id]);
    assert.equal(mine[0]?.inboxName, 'Billing');
  });

  it('an agent of the default inbox only sees its queue', async () => {
    const email = `kim-${randomUUID()}@example.test`;
    const created = await fetch(`${server.url}/api/v1/agents`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ email, name: 'Kim' }),
    });
    const { password } = (await created.json()) as { password: string };
    const kim = await logIn(server.url, email, password);
    assert.deepEqual(
      (await queues(kim)).map((q) => q.inboxId),
      ['default'],
    );
    assert.equal((await fetch(`${server.url}/api/v1/queues`)).status, 401);
  });
});
