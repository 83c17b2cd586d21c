/**
 * The shop's webhook receiver, through its HTTP route, with deliveries signed by the official Standard
 * Webhooks library (`standardwebhooks`): a genuine one is acted on once; a tampered body, a stale
 * timestamp, another secret and a replayed id change nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { RecoveryDecisionEventData } from '@candor/protocol';
import { newWebhookSecret, testShop } from './test-shop';
import { checkWebhookSignature } from './webhook-signature';

const decision = (over: Partial<RecoveryDecisionEventData> = {}): RecoveryDecisionEventData => ({
  actionId: randomUUID(),
  account: 'u-1001',
  action: 'unlock',
  conversationId: 'c-1',
  verification: 'code_current',
  requestedBy: { id: 'a-1', name: 'Agent Smith' },
  approvedBy: null,
  decidedAt: Date.now(),
  ...over,
});

function signed(secret: string, data: object, options: { id?: string; at?: Date; type?: string } = {}) {
  const body = JSON.stringify({
    type: options.type ?? 'recovery.action.approved',
    timestamp: new Date().toISOString(),
    data,
  });
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  return {
    body,
    headers: {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, at, body),
    },
  };
}

describe('the shop’s webhook receiver', () => {
  it('performs an approved unlock delivered with a signature from the official library', async () => {
    const secret = newWebhookSecret();
    const shop = await testShop({ webhookSecret: secret });
    assert.equal(shop.book.find('u-1001')?.locked, true);
    const res = await shop.request('/webhooks/candor', { method: 'POST', ...signed(secret, decision()) });
    assert.equal(res.status, 204);
    assert.equal(shop.book.find('u-1001')?.locked, false);
    assert.match(shop.activity.list()[0]?.text ?? '', /approved the unlock of alice’s account .*Agent Smith/);
  });

  it('refuses a tampered body, a stale timestamp and another secret, and changes nothing', async () => {
    const secret = newWebhookSecret();
    const shop = await testShop({ webhookSecret: secret });
    const genuine = signed(secret, decision());
    const tampered = { ...genuine, body: genuine.body.replace('u-1001', 'u-1003') };
    const stale = signed(secret, decision(), { at: new Date(Date.now() - 6 * 60_000) });
    const early = signed(secret, decision(), { at: new Date(Date.now() + 6 * 60_000) });
    const foreign = signed(newWebhookSecret(), decision());
    const unsigned = { body: genuine.body, headers: { 'webhook-id': 'x', 'webhook-timestamp': '1' } };
    for (const [name, delivery] of Object.entries({ tampered, stale, early, foreign, unsigned })) {
      const res = await shop.request('/webhooks/candor', { method: 'POST', ...delivery });
      assert.equal(res.status, 401, name);
    }
    assert.equal(shop.book.find('u-1001')?.locked, true, 'still locked');
    assert.match(shop.activity.list()[0]?.text ?? '', /^Refused a webhook/);
  });

  it('acts once on an id it has seen, and acknowledges the repeat', async () => {
    const secret = newWebhookSecret();
    const shop = await testShop({ webhookSecret: secret });
    const id = `msg_${randomUUID()}`;
    const first = signed(secret, decision(), { id });
    assert.equal((await shop.request('/webhooks/candor', { method: 'POST', ...first })).status, 204);
    shop.book.lock('u-1001'); // locked again since, by the shop itself
    // Candor tries again (it did not see the answer): same id, new timestamp and signature.
    const again = signed(secret, decision(), { id });
    const res = await shop.request('/webhooks/candor', { method: 'POST', ...again });
    assert.equal(res.status, 200);
    assert.equal(shop.book.find('u-1001')?.locked, true, 'the repeat did not unlock it again');
  });

  it('resets the second factor, and replaces a contact', async () => {
    const secret = newWebhookSecret();
    const shop = await testShop({ webhookSecret: secret });
    const changed: string[] = [];
    shop.book.onChange((a) => changed.push(`${a.id} ${a.email}`));
    const reset = signed(secret, decision({ account: 'u-1002', action: 'reset_second_factor' }));
    assert.equal((await shop.request('/webhooks/candor', { method: 'POST', ...reset })).status, 204);
    assert.equal(shop.book.find('u-1002')?.secondFactor, false);
    const change = signed(
      secret,
      decision({
        account: 'u-1003',
        action: 'change_contact',
        newContact: { channel: 'email', value: 'chloe.d@example.org' },
        approvedBy: { id: 'a-2', name: 'Sam Supervisor' },
      }),
    );
    assert.equal((await shop.request('/webhooks/candor', { method: 'POST', ...change })).status, 204);
    assert.equal(shop.book.find('u-1003')?.email, 'chloe.d@example.org');
    const garbage = signed(
      secret,
      decision({ account: 'u-1003', action: 'change_contact', newContact: { channel: 'email', value: 'x' } }),
    );
    assert.equal((await shop.request('/webhooks/candor', { method: 'POST', ...garbage })).status, 400);
    assert.equal(shop.book.find('u-1003')?.email, 'chloe.d@example.org', 'not an email: not taken');
    assert.deepEqual(changed, ['u-1002 bob@example.com', 'u-1003 chloe.d@example.org']);
  });

  it('does nothing on a refusal, a ping or an unknown account, and answers 2xx so Candor stops', async () => {
    const secret = newWebhookSecret();
    const shop = await testShop({ webhookSecret: secret });
    const post = (d: ReturnType<typeof signed>) => shop.request('/webhooks/candor', { method: 'POST', ...d });
    const refused = signed(secret, decision({ reason: 'not_verified' }), {
      type: 'recovery.action.refused',
    });
    assert.equal((await post(refused)).status, 204);
    assert.equal((await post(signed(secret, { webhookId: 'w' }, { type: 'webhook.ping' }))).status, 204);
    assert.equal((await post(signed(secret, decision({ account: 'u-nobody' })))).status, 200);
    assert.equal(shop.book.find('u-1001')?.locked, true);
    // Signed, but not what Candor sends: 400, acted on never.
    assert.equal((await post(signed(secret, { account: 'u-1001' }))).status, 400);
    assert.equal(shop.book.find('u-1001')?.locked, true);
  });
});

describe('the shop’s signature check and the official library agree', () => {
  it('on genuine, tampered, stale, foreign and rotated signatures', () => {
    const secret = newWebhookSecret();
    const now = Date.now();
    const d = signed(secret, decision());
    const two = `v1,${Buffer.alloc(32).toString('base64')} ${d.headers['webhook-signature']}`;
    const cases: Array<[string, string, Record<string, string>]> = [
      ['genuine', d.body, d.headers],
      ['tampered', `${d.body} `, d.headers],
      ['rotated (two signatures)', d.body, { ...d.headers, 'webhook-signature': two }],
      ['stale', d.body, signed(secret, {}, { at: new Date(now - 301_000) }).headers],
      ['foreign', d.body, signed(newWebhookSecret(), decision()).headers],
      [
        'v2 only',
        d.body,
        { ...d.headers, 'webhook-signature': d.headers['webhook-signature'].replace('v1', 'v2') },
      ],
    ];
    for (const [name, body, headers] of cases) {
      let official = true;
      try {
        new Webhook(secret).verify(body, headers);
      } catch {
        official = false;
      }
      const ours = checkWebhookSignature(
        secret,
        {
          id: headers['webhook-id'],
          timestamp: headers['webhook-timestamp'],
          signature: headers['webhook-signature'],
        },
        body,
        now,
      ).ok;
      assert.equal(ours, official, name);
    }
  });
});
