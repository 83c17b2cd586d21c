/**
 * Contract: recovery cases, codes tried under a condition (two tries at once: one wins), the proofs they
 * give, accounts matched by a contact, and the audit trail read newest first, page by page.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { RecoveryCaseRecord, RecoveryCodeRecord, VerificationRecord } from '../recovery-store';
import type { AuditRecord } from '../audit-store';
import type { Store } from '../store';
import { T0, uid } from './fixtures';

export function recoveryContract(store: () => Store): void {
  const aCase = (over: Partial<RecoveryCaseRecord> = {}): RecoveryCaseRecord => ({
    conversationId: uid('c'),
    inboxId: 'default',
    visitorId: uid('v'),
    claimedAccount: 'Élodie@Example.com',
    situation: 'hacked',
    accountId: uid('acct'),
    identitySub: null,
    createdAt: T0,
    ...over,
  });
  const aCode = (over: Partial<RecoveryCodeRecord> = {}): RecoveryCodeRecord => ({
    id: randomUUID(),
    conversationId: uid('c'),
    accountId: uid('acct'),
    purpose: 'unlock',
    contactId: uid('contact'),
    channel: 'email',
    standing: 'current',
    masked: 'e•••@example.com',
    codeHash: 'ab'.repeat(32),
    issuedAt: T0,
    expiresAt: T0 + 600_000,
    tries: 0,
    usedAt: null,
    version: 0,
    ...over,
  });
  const proofOf = (code: RecoveryCodeRecord, at: number): VerificationRecord => ({
    id: randomUUID(),
    conversationId: code.conversationId,
    accountId: code.accountId,
    purpose: code.purpose,
    contactId: code.contactId,
    channel: code.channel,
    standing: code.standing,
    masked: code.masked,
    at,
  });

  describe('recovery', () => {
    it('keeps a case, marks its conversation, and counts an account’s cases since a time', async () => {
      const accountId = uid('acct');
      const first = aCase({ accountId, identitySub: 'sub-1' });
      const none = aCase({ accountId: null });
      await store().createRecoveryCase(first);
      await store().createRecoveryCase(none);
      await store().createRecoveryCase(aCase({ accountId, createdAt: T0 + 5_000 }));
      assert.deepEqual(await store().recoveryCase(first.conversationId), first);
      assert.deepEqual(await store().recoveryCase(none.conversationId), none);
      assert.equal(await store().recoveryCase(uid('c')), undefined);
      const other = uid('c');
      assert.deepEqual(
        await store().recoveryConversationIds([first.conversationId, other, none.conversationId]),
        new Set([first.conversationId, none.conversationId]),
      );
      assert.deepEqual(await store().recoveryConversationIds([]), new Set());
      assert.equal(await store().countRecoveryCases(accountId, T0), 2);
      assert.equal(await store().countRecoveryCases(accountId, T0 + 1), 1);
      assert.equal(await store().countRecoveryCases(uid('acct'), 0), 0);
    });

    it('finds accounts by a current or replaced contact, and lists contacts with their ids', async () => {
      const id = uid('acct');
      const email = `${uid('e')}@example.com`;
      await store().putHostAccount(id, { contacts: { email, phone: '+33612345678' } }, T0);
      await store().putHostAccount(id, { contacts: { email: `new-${email}` } }, T0 + 10);
      assert.deepEqual(await store().findAccountsByContact('email', email), [
        { externalId: id, replacedAt: T0 + 10 },
      ]);
      assert.deepEqual(await store().findAccountsByContact('email', `new-${email}`), [
        { externalId: id, replacedAt: null },
      ]);
      assert.deepEqual(await store().findAccountsByContact('phone', email), []);
      const contacts = await store().listAccountContacts(id);
      assert.deepEqual(
        contacts.map(({ id: _, ...c }) => c),
        [
          { channel: 'email', value: email, setAt: T0, replacedAt: T0 + 10 },
          { channel: 'phone', value: '+33612345678', setAt: T0, replacedAt: null },
          { channel: 'email', value: `new-${email}`, setAt: T0 + 10, replacedAt: null },
        ].sort((a, b) => a.setAt - b.setAt),
      );
      assert.equal(new Set(contacts.map((c) => c.id)).size, 3);
    });

    it('records a try only at the version it was decided on, with its proof in the same step', async () => {
      const code = aCode();
      await store().createRecoveryCode(code);
      assert.deepEqual(await store().listRecoveryCodes(code.conversationId), [code]);
      // Two tries decided on version 0 at once: exactly one is recorded.
      const proof = proofOf(code, T0 + 1_000);
      const results = await Promise.all([
        store().recordCodeTry({
          codeId: code.id,
          version: 0,
          tries: 1,
          usedAt: T0 + 1_000,
          verification: proof,
        }),
        store().recordCodeTry({
          codeId: code.id,
          version: 0,
          tries: 1,
          usedAt: T0 + 1_000,
          verification: proofOf(code, T0 + 1_000),
        }),
      ]);
      assert.deepEqual(
        results.sort((a, b) => Number(a) - Number(b)),
        [false, true],
      );
      const [after] = await store().listRecoveryCodes(code.conversationId);
      assert.deepEqual(after, { ...code, tries: 1, usedAt: T0 + 1_000, version: 1 });
      const proofs = await store().listVerifications(code.conversationId);
      assert.equal(proofs.length, 1);
      assert.deepEqual({ ...proofs[0], id: 'x' }, { ...proof, id: 'x' });
      // A stale version writes nothing.
      assert.equal(
        await store().recordCodeTry({ codeId: code.id, version: 0, tries: 2, usedAt: null }),
        false,
      );
      assert.equal(await store().countCodeTries(code.accountId), 1);
      assert.equal(await store().countCodeTries(uid('acct')), 0);
    });

    it('appends audit entries and lists them newest first, by conversation, page after page', async () => {
      const conversationId = uid('c');
      const entry = (at: number, over: Partial<AuditRecord> = {}): AuditRecord => ({
        id: randomUUID(),
        at,
        actorType: 'agent',
        actorId: uid('a'),
        actorName: 'Ada « QA »',
        action: 'recovery.code.sent',
        conversationId,
        accountExternalId: 'u-1',
        detail: { masked: 'e•••@example.com', purpose: 'unlock', tries: 2, ok: true, none: null },
        ...over,
      });
      const far = T0 + 9_000_000_000;
      const entries = [entry(far + 1), entry(far + 2), entry(far + 2), entry(far + 3)];
      for (const e of entries) await store().appendAudit(e);
      await store().appendAudit(entry(far + 4, { conversationId: null, actorType: 'system', actorId: null }));
      const mine = await store().listAudit({ conversationId, limit: 10 });
      const expected = [...entries].sort((a, b) => b.at - a.at || (b.id < a.id ? -1 : 1));
      assert.deepEqual(mine, expected);
      const page1 = await store().listAudit({ conversationId, limit: 2 });
      const last = page1[1]!;
      const page2 = await store().listAudit({
        conversationId,
        limit: 2,
        before: { at: last.at, id: last.id },
      });
      assert.deepEqual([...page1, ...page2], expected);
      const all = await store().listAudit({ limit: 1 });
      assert.equal(all[0]?.at, far + 4);
      assert.equal(all[0]?.conversationId, null);
    });
  });
}
