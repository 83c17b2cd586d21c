/** Contract: support references found by their hash, one per hash, forgotten once expired. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoreConflictError, type Store } from '../store';
import type { SupportReferenceRecord } from '../support-reference-store';
import { T0, uid } from './fixtures';

export function supportReferencesContract(store: () => Store): void {
  const reference = (over: Partial<SupportReferenceRecord> = {}): SupportReferenceRecord => ({
    referenceHash: uid('ref'),
    agentId: uid('a'),
    conversationId: uid('c'),
    issuedAt: T0,
    expiresAt: T0 + 86_400_000,
    revokedAt: null,
    ...over,
  });

  describe('support references', () => {
    it('finds a reference by its hash as written, with or without a conversation', async () => {
      const withConversation = reference();
      const without = reference({ conversationId: null, revokedAt: T0 + 5 });
      await store().createSupportReference(withConversation);
      await store().createSupportReference(without);
      assert.deepEqual(await store().findSupportReference(withConversation.referenceHash), withConversation);
      assert.deepEqual(await store().findSupportReference(without.referenceHash), without);
      assert.equal(await store().findSupportReference(uid('unknown')), undefined);
    });

    it('refuses a second reference with the same hash, keeping the first', async () => {
      const first = reference();
      await store().createSupportReference(first);
      await assert.rejects(
        store().createSupportReference({ ...first, agentId: uid('other') }),
        StoreConflictError,
      );
      assert.equal((await store().findSupportReference(first.referenceHash))?.agentId, first.agentId);
    });

    it('revokes a reference once: the first call says it did, a second and an unknown one say not', async () => {
      const given = reference();
      await store().createSupportReference(given);
      assert.equal(await store().revokeSupportReference(given.referenceHash, T0 + 10), true);
      assert.equal(await store().revokeSupportReference(given.referenceHash, T0 + 20), false);
      assert.equal(await store().revokeSupportReference(uid('unknown'), T0), false);
      assert.equal((await store().findSupportReference(given.referenceHash))?.revokedAt, T0 + 10);
    });

    it('forgets references once they have expired, and only those', async () => {
      const stale = reference({ expiresAt: T0 - 1 });
      const current = reference({ expiresAt: T0 + 1 });
      await store().createSupportReference(stale);
      await store().createSupportReference(current);
      assert.ok((await store().pruneSupportReferences(T0)) >= 1);
      assert.equal(await store().findSupportReference(stale.referenceHash), undefined);
      assert.deepEqual(await store().findSupportReference(current.referenceHash), current);
    });
  });
}
