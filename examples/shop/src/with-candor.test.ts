/**
 * The shop beside a real Candor (started on port 0, embedded store): connected through Candor's REST API
 * as `npm run example` does (provision.ts), its accounts put on file with the API token, and a recovery
 * decision sent through Candor's webhook outbox, signed by Candor, performed by the shop.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { PROTOCOL_VERSION, type RecoveryDecisionEventData } from '@candor/protocol';
import { queueWebhookEvent } from '../../../packages/server/src/commands/host-api/webhooks';
import { TestClient } from '../../../packages/server/src/testing/test-client';
import { ADMIN, startTestServer, type TestServer } from '../../../packages/server/src/testing/test-server';
import { AccountBook } from './accounts';
import { CandorSync } from './candor-sync';
import { demoAccounts } from './demo-accounts';
import {
  adminApi,
  DEMO_SUPERVISOR,
  ensureDemoSupervisor,
  provisionCandor,
  TOKEN_NAME,
  type Provisioned,
} from './provision';
import { startShop, type RunningShop } from './start-shop';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never: ${what}`);
}

describe('the shop beside a real Candor', () => {
  let candor: TestServer;
  let shop: RunningShop;
  let provisioned: Provisioned;

  before(async () => {
    candor = await startTestServer({ webhooksAllowPrivate: true });
    const port = await freePort();
    provisioned = await provisionCandor({
      candorUrl: candor.url,
      admin: ADMIN,
      webhookUrl: `http://127.0.0.1:${port}/webhooks/candor`,
    });
    shop = await startShop({
      port,
      host: '127.0.0.1',
      candorUrl: candor.url,
      ...provisioned,
      print: () => undefined,
    });
  });
  after(async () => {
    await shop?.close();
    await candor?.close();
  });

  it('puts every account on file at start, and a changed contact after; Candor keeps the old one', async () => {
    const alice = await candor.store.findHostAccount('u-1001');
    assert.deepEqual(
      { name: alice?.name, email: alice?.email, phone: alice?.phone },
      { name: 'Alice Martin', email: 'alice@example.com', phone: '+33612345678' },
    );
    assert.equal((await candor.store.findHostAccount('u-1003'))?.phone, null);
    shop.book.replaceContact('u-1003', 'email', 'chloe.d@example.org');
    await until(
      'the new email is on file',
      async () => (await candor.store.findHostAccount('u-1003'))?.email === 'chloe.d@example.org',
    );
    const history = (await candor.store.accountContactHistory('u-1003')).map((v) => v.value);
    assert.ok(history.includes('chloe@example.com'), 'the replaced email stays on file');
  });

  it('performs an unlock Candor approved, delivered by Candor’s webhook outbox', async () => {
    assert.equal(shop.book.find('u-1001')?.locked, true);
    const data: RecoveryDecisionEventData = {
      actionId: 'act-1',
      account: 'u-1001',
      action: 'unlock',
      conversationId: 'conv-1',
      verification: 'code_current',
      requestedBy: { id: 'agent-1', name: 'Agent Smith' },
      approvedBy: null,
      decidedAt: Date.now(),
    };
    const ctx = { store: candor.store, now: Date.now } as unknown as Parameters<typeof queueWebhookEvent>[0];
    assert.equal(await queueWebhookEvent(ctx, 'recovery.action.approved', data), 1);
    // A ping wakes Candor's sender at once (the test's context has none to wake); it sends both.
    const api = await adminApi(candor.url, ADMIN);
    const { webhooks } = await api<{ webhooks: Array<{ id: string }> }>('GET', '/webhooks');
    await api('POST', `/webhooks/${webhooks[0]!.id}/ping`);
    await until('the shop unlocked alice', () => shop.book.find('u-1001')?.locked === false);
    const log = shop.activity.list().map((a) => a.text);
    assert.ok(log.some((t) => /approved the unlock of alice’s account/.test(t)));
    assert.ok(log.includes('Candor pinged the webhook: signature checked.'));
  });

  it('a logged-in customer’s widget hello is signed in by Candor with the provisioned secret', async () => {
    const page = await (await fetch(shop.url)).text();
    assert.doesNotMatch(page, /data-identity-token/, 'logged out: unsigned');
    const login = await fetch(`${shop.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'chloe', password: 'chloe-lune-2026' }),
      redirect: 'manual',
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const signed = await (await fetch(shop.url, { headers: { cookie } })).text();
    const identityToken = /data-identity-token="([^"]+)"/.exec(signed)?.[1];
    assert.ok(identityToken);
    const client = await TestClient.connect(candor.wsUrl, 'visitor');
    try {
      client.send({ type: 'hello', protocol: PROTOCOL_VERSION, identityToken });
      const welcome = await client.next('welcome');
      assert.equal(welcome.visitor?.name, 'Chloé Dubois');
      assert.equal(welcome.visitor?.verification, 'signed');
    } finally {
      client.ws.close();
    }
  });

  it('provisioning again replaces the token and the webhook, and creates the supervisor once', async () => {
    const again = await provisionCandor({
      candorUrl: candor.url,
      admin: ADMIN,
      webhookUrl: 'http://127.0.0.1:9/webhooks/candor',
    });
    assert.notEqual(again.apiToken, provisioned.apiToken);
    const api = await adminApi(candor.url, ADMIN);
    const { tokens } = await api<{ tokens: Array<{ name: string; revokedAt: number | null }> }>(
      'GET',
      '/api-tokens',
    );
    assert.equal(tokens.filter((t) => t.name === TOKEN_NAME && t.revokedAt === null).length, 1);
    await ensureDemoSupervisor(candor.url, ADMIN);
    await ensureDemoSupervisor(candor.url, ADMIN);
    const { agents } = await api<{ agents: Array<{ email?: string; role: string }> }>('GET', '/agents');
    assert.deepEqual(
      agents.filter((a) => a.email === DEMO_SUPERVISOR.email).map((a) => a.role),
      ['supervisor'],
    );
  });

  it('keeps a PUT Candor refused, to try it again', async () => {
    const book = new AccountBook(await demoAccounts());
    const log: string[] = [];
    const sync = new CandorSync({ candorUrl: candor.url, apiToken: 'not-a-token', log: (t) => log.push(t) });
    try {
      assert.equal(await sync.push(book.find('u-1002')!), false);
      assert.deepEqual(sync.pendingIds(), ['u-1002']);
      assert.match(log[0] ?? '', /Sync of u-1002 to Candor failed \(HTTP 401/);
    } finally {
      sync.stop();
    }
  });
});
