/** Contract: webhook endpoints, and an outbox whose deliveries are claimed by one sender at a time. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Store } from '../store';
import type { WebhookRecord } from '../webhook-store';
import { T0, uid } from './fixtures';

export function webhooksContract(store: () => Store): void {
  const webhook = (events: string[]): WebhookRecord => ({
    id: randomUUID(),
    url: 'https://shop.example.com/hooks',
    events,
    secret: 'whsec_c2VjcmV0',
    createdBy: uid('admin'),
    createdAt: T0,
    disabledAt: null,
    disabledReason: null,
  });
  // Each test uses its own event type: deliveries of other tests (and other runs) never interfere.
  const claimMine = async (type: string, now: number) =>
    (await store().claimDueDeliveries(now, 1000, 30_000)).filter((d) => d.eventType === type);

  describe('webhooks', () => {
    it('queues an event for the enabled endpoints subscribed to it, each delivery naming itself', async () => {
      const type = `test.${uid('e')}`;
      const a = webhook([type]);
      const b = webhook(['other.event']);
      await store().createWebhook(a);
      await store().createWebhook(b);
      assert.deepEqual(await store().findWebhook(a.id), a);
      const n = await store().enqueueWebhookEvent(
        { type, payload: (id) => JSON.stringify({ id, type }) },
        T0,
      );
      assert.equal(n, 1);
      const [d] = await store().listDeliveries(a.id, 10);
      assert.ok(d);
      assert.deepEqual(JSON.parse(d.payload), { id: d.id, type });
      assert.equal(d.status, 'pending');
      assert.deepEqual(await store().listDeliveries(b.id, 10), []);
    });

    it('hands a due delivery to one claimer until its lease ends, then again, until it is recorded done', async () => {
      const type = `test.${uid('e')}`;
      const w = webhook([type]);
      await store().createWebhook(w);
      await store().enqueueWebhookEvent({ type, payload: () => '{}' }, T0);
      const [first, second] = await Promise.all([claimMine(type, T0 + 1), claimMine(type, T0 + 1)]);
      assert.equal((first?.length ?? 0) + (second?.length ?? 0), 1, 'claimed once, whoever asked first');
      const claimed = [...(first ?? []), ...(second ?? [])][0]!;
      assert.equal(claimed.attempts, 1);
      assert.deepEqual(await claimMine(type, T0 + 10_000), [], 'leased');
      await store().recordDelivery(claimed.id, {
        status: 'retry',
        httpStatus: 503,
        error: null,
        nextAttemptAt: T0 + 60_000,
      });
      assert.deepEqual(await claimMine(type, T0 + 59_000), []);
      const again = await claimMine(type, T0 + 60_000);
      assert.equal(again[0]?.attempts, 2);
      await store().recordDelivery(claimed.id, { status: 'delivered', httpStatus: 204, at: T0 + 61_000 });
      assert.deepEqual(await claimMine(type, T0 + 10 ** 9), []);
      const [done] = await store().listDeliveries(w.id, 1);
      assert.equal(done?.status, 'delivered');
      assert.equal(done?.lastStatus, 204);
    });

    it('a disabled endpoint gets nothing more, and its pending deliveries fail; delete removes all', async () => {
      const type = `test.${uid('e')}`;
      const w = webhook([type]);
      await store().createWebhook(w);
      await store().enqueueWebhookEvent({ type, payload: () => '{}' }, T0);
      await store().disableWebhook(w.id, 'answered 410 Gone', T0 + 5);
      assert.equal((await store().findWebhook(w.id))?.disabledReason, 'answered 410 Gone');
      assert.equal(await store().enqueueWebhookEvent({ type, payload: () => '{}' }, T0 + 6), 0);
      assert.deepEqual(await claimMine(type, T0 + 10), []);
      assert.equal((await store().listDeliveries(w.id, 10))[0]?.status, 'failed');
      assert.equal(await store().deleteWebhook(w.id), true);
      assert.equal(await store().deleteWebhook(w.id), false);
      assert.deepEqual(await store().listDeliveries(w.id, 10), []);
    });
  });
}
