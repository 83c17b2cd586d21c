/**
 * The cooling-off tick on two nodes sharing PostgreSQL (issue 14): every node runs it, and each action
 * whose time is up is approved once, audited once and sent to the host once.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../../testing/test-server';
import {
  adminQuery,
  describeWithPostgres,
  freshSchema,
  TEST_DATABASE_URL,
} from '../../testing/postgres-test-db';
import { recoveryCase } from '../../testing/recovery-fixtures';
import { runCoolingOffTick } from './cooling-off';

describeWithPostgres('cooling-off on two nodes (PostgreSQL)', () => {
  const schema = freshSchema();
  let nodes: TestServer[] = [];
  before(async () => {
    const config = { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema, webhooksAllowPrivate: true };
    const first = await startTestServer(config);
    nodes = [first, await startTestServer(config)];
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.close()));
    await adminQuery(`drop schema if exists ${schema} cascade`);
  });

  it('approves each due action once, whichever node ticks first', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const webhookId = randomUUID();
    // Unreachable on purpose: the test counts what is queued, not what is sent.
    await a.store.createWebhook({
      id: webhookId,
      url: 'http://127.0.0.1:9/hooks',
      events: ['recovery.action.approved'],
      secret: 'whsec_c2VjcmV0',
      createdBy: 'admin',
      createdAt: Date.now(),
      disabledAt: null,
      disabledReason: null,
    });
    const now = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const c = await recoveryCase(a.store);
      const id = randomUUID();
      ids.push(id);
      await a.store.createRecoveryAction({
        id,
        conversationId: c.conversationId,
        inboxId: 'default',
        accountId: c.accountId,
        action: 'change_contact',
        status: 'cooling_off',
        reason: null,
        verification: 'code_current',
        requestedBy: 'agent-1',
        approvedBy: 'supervisor-1',
        approvedAt: now - 25 * 60 * 60_000,
        decidedBy: 'supervisor-1',
        newContact: { channel: 'email', value: `new-${i}@example.com` },
        coolingOffUntil: now - 60 * 60_000,
        stopTokenHash: randomUUID(),
        createdAt: now - 25 * 60 * 60_000,
        decidedAt: null,
        version: 2,
      });
    }
    const ticks = await Promise.all([
      runCoolingOffTick(a.ctx),
      runCoolingOffTick(b.ctx),
      runCoolingOffTick(a.ctx),
      runCoolingOffTick(b.ctx),
    ]);
    // Each node's own background tick may also have run meanwhile (it starts at a random time within a
    // minute): the ticks here approve at most all of them, and the audit and the host's queue below show
    // that each was approved exactly once, whoever did it.
    const byTicks = ticks.reduce((x, y) => x + y, 0);
    assert.ok(byTicks <= 30, `never approved twice (${ticks.join(', ')})`);
    for (const id of ids) assert.equal((await b.store.findRecoveryAction(id))?.status, 'approved');
    const approvals = await adminQuery<{ n: string }>(
      `select count(*) as n from ${schema}.audit_entries where action = 'recovery.action.approved'`,
    );
    assert.equal(Number(approvals[0]?.n), 30);
    const queued = (await a.store.listDeliveries(webhookId, 100)).map(
      (d) => (JSON.parse(d.payload) as { data: { actionId: string } }).data.actionId,
    );
    assert.deepEqual(queued.sort(), [...ids].sort());
  });
});
