import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signDelivery } from './standard-signature';

const body = JSON.stringify({
  type: 'recovery.action.approved',
  data: { account: 'u-42', action: 'unlock' },
});

test('a signed delivery verifies with the official Standard Webhooks library', () => {
  const secret = newWebhookSecret();
  const headers = signDelivery(secret, 'msg_1', Date.now(), body);
  assert.deepEqual(new Webhook(secret).verify(body, { ...headers }), JSON.parse(body));
});

test('a tampered body, another secret or a stale timestamp is refused by the library', () => {
  const secret = newWebhookSecret();
  const headers = signDelivery(secret, 'msg_2', Date.now(), body);
  assert.throws(() => new Webhook(secret).verify(body.replace('unlock', 'reset'), { ...headers }));
  assert.throws(() => new Webhook(newWebhookSecret()).verify(body, { ...headers }));
  const stale = signDelivery(secret, 'msg_3', Date.now() - 10 * 60_000, body);
  assert.throws(() => new Webhook(secret).verify(body, { ...stale }));
});
