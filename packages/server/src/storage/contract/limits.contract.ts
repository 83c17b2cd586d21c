/** Contract: limit states swapped atomically across writers, their expiry, and idle visitors purged. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedWindow, type LimitState } from '../../domain/rate-limits';
import { takeSlot } from '../../limits/shared-limit';
import type { Store } from '../store';
import { newConversation, newVisitor, T0, uid } from './fixtures';

const HOUR = 3_600_000;
const state = (hits: number, expiresAt = T0 + 60_000): LimitState => ({
  hits,
  windowStart: T0,
  blockedUntil: 0,
  expiresAt,
});

export function limitsContract(store: () => Store): void {
  describe('limit states', () => {
    it('are written only by a writer that saw the current version', async () => {
      const key = uid('limit');
      assert.equal(await store().readLimit(key), undefined);
      assert.equal(await store().swapLimit(key, 0, state(1)), true);
      assert.equal(await store().swapLimit(key, 0, state(9)), false, 'a second first write loses');
      assert.deepEqual(await store().readLimit(key), { ...state(1), version: 1 });
      assert.equal(await store().swapLimit(key, 1, state(2)), true);
      assert.equal(await store().swapLimit(key, 1, state(9)), false, 'a stale version loses');
      assert.deepEqual(await store().readLimit(key), { ...state(2), version: 2 });
      await store().deleteLimit(key);
      assert.equal(await store().readLimit(key), undefined);
    });

    it('of writers racing on one version, exactly one wins', async () => {
      const key = uid('limit');
      const first = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store().swapLimit(key, 0, state(i))),
      );
      assert.equal(first.filter(Boolean).length, 1);
      const next = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store().swapLimit(key, 1, state(i))),
      );
      assert.equal(next.filter(Boolean).length, 1);
    });

    it('let no more than the limit through when many count at once', async () => {
      const key = uid('limit');
      const rule = fixedWindow({ limit: 5, windowMs: 60_000 });
      const burst = await Promise.all(
        Array.from({ length: 12 }, () => takeSlot(store(), key, { rule, now: T0 })),
      );
      assert.equal(burst.filter((r) => r.ok).length, 5, 'exactly the limit passes, none lost to the race');
      for (let i = 0; i < 3; i++) assert.equal((await takeSlot(store(), key, { rule, now: T0 })).ok, false);
      const refused = await takeSlot(store(), key, { rule, now: T0 + 1000 });
      assert.deepEqual(refused, { ok: false, retryAfterMs: 59_000 });
    });

    it('let a burst on one key through up to the limit: no attempt is refused for losing a race', async () => {
      // 100 visitors of one office opening the chat at the same moment, under a limit of 120.
      const key = uid('limit');
      const rule = fixedWindow({ limit: 120, windowMs: 60_000 });
      const burst = await Promise.all(
        Array.from({ length: 100 }, () => takeSlot(store(), key, { rule, now: T0 })),
      );
      assert.equal(burst.filter((r) => r.ok).length, 100);
    });

    it('expire: pruning deletes the states that ended, and only those', async () => {
      const [ended, live] = [uid('limit'), uid('limit')];
      await store().swapLimit(ended, 0, state(1, T0 + 100));
      await store().swapLimit(live, 0, state(1, T0 + 200));
      assert.ok((await store().pruneLimits(T0 + 150)) >= 1);
      assert.equal(await store().readLimit(ended), undefined);
      assert.equal((await store().readLimit(live))?.hits, 1);
    });
  });

  describe('idle visitors', () => {
    it('are purged when they never started a conversation and were not seen since the limit', async () => {
      const idle = await newVisitor(store());
      const talked = await newConversation(store());
      const returning = await newVisitor(store());
      await store().markVisitorSeen(returning.id, T0 + 10 * HOUR);
      // Two nodes running the job at once purge each row once, and neither fails.
      const counts = await Promise.all([
        store().purgeIdleVisitors(T0 + 5 * HOUR),
        store().purgeIdleVisitors(T0 + 5 * HOUR),
      ]);
      assert.ok(counts[0] + counts[1] >= 1);
      assert.equal(await store().findVisitorById(idle.id), undefined);
      assert.equal(await store().findVisitorByTokenHash(idle.tokenHash), undefined);
      assert.ok(await store().findVisitorById(talked.visitorId), 'a visitor with a conversation is kept');
      assert.ok(await store().findVisitorById(returning.id), 'a visitor whose token was used since is kept');
      assert.equal(await store().purgeIdleVisitors(T0 + 5 * HOUR), 0, 'running again finds nothing');
    });

    it('are seen to the hour: a use within the hour writes nothing new', async () => {
      const visitor = await newVisitor(store());
      await store().markVisitorSeen(visitor.id, T0 + 30 * 60_000); // within the hour of its creation
      assert.ok((await store().purgeIdleVisitors(T0 + 1)) >= 1);
      assert.equal(await store().findVisitorById(visitor.id), undefined);
    });
  });
}
