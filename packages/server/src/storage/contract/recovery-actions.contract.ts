/**
 * Contract: recovery actions change once however many ask at once (two approvers, the cooling-off tick
 * on two nodes), the settings row is one, and a takeover signal is new once per conversation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from '../store';
import type { RecoveryActionRecord } from '../recovery-action-store';
import { T0, uid } from './fixtures';

export function recoveryActionsContract(store: () => Store): void {
  const action = (patch: Partial<RecoveryActionRecord> = {}): RecoveryActionRecord => ({
    id: uid('ra'),
    conversationId: uid('c'),
    inboxId: uid('inbox'),
    accountId: uid('acct'),
    action: 'change_contact',
    status: 'awaiting_approval',
    reason: null,
    verification: 'code_current',
    requestedBy: uid('agent'),
    approvedBy: null,
    approvedAt: null,
    decidedBy: null,
    newContact: { channel: 'email', value: 'new@example.com' },
    coolingOffUntil: null,
    stopTokenHash: null,
    createdAt: T0,
    decidedAt: null,
    version: 1,
    ...patch,
  });

  describe('recovery actions', () => {
    it('keeps an action as written, found by id, by conversation and by stop token', async () => {
      const a = action({ stopTokenHash: uid('hash') });
      const b = action({ conversationId: a.conversationId, createdAt: T0 + 1, newContact: null });
      await store().createRecoveryAction(b);
      await store().createRecoveryAction(a);
      assert.deepEqual(await store().findRecoveryAction(a.id), a);
      assert.deepEqual(await store().findRecoveryActionByStopToken(a.stopTokenHash!), a);
      assert.equal(await store().findRecoveryActionByStopToken(uid('none')), undefined);
      assert.deepEqual(
        (await store().listRecoveryActions(a.conversationId)).map((r) => r.id),
        [a.id, b.id],
      );
    });

    it('changes an action only from the version read: of two approvals at once, one wins', async () => {
      const a = action();
      await store().createRecoveryAction(a);
      const [first, second] = await Promise.all([
        store().updateRecoveryAction(a.id, 1, {
          status: 'approved',
          approvedBy: 'sup-1',
          approvedAt: T0 + 5,
        }),
        store().updateRecoveryAction(a.id, 1, { status: 'refused', reason: 'refused_by_approver' }),
      ]);
      const won = [first, second].filter((r) => r !== undefined);
      assert.equal(won.length, 1, 'one update applied');
      assert.equal(won[0]?.version, 2);
      assert.deepEqual(await store().findRecoveryAction(a.id), won[0]);
      assert.equal(await store().updateRecoveryAction(uid('none'), 1, { status: 'approved' }), undefined);
    });

    it('lists actions awaiting approval in the given inboxes, and cooling-off actions once due', async () => {
      const inbox = uid('inbox');
      const waiting = action({ inboxId: inbox });
      const elsewhere = action();
      const cooling = action({ inboxId: inbox, status: 'cooling_off', coolingOffUntil: T0 + 1000 });
      for (const a of [waiting, elsewhere, cooling]) await store().createRecoveryAction(a);
      assert.deepEqual(
        (await store().listAwaitingApproval([inbox], 10)).map((r) => r.id),
        [waiting.id],
      );
      assert.deepEqual(await store().listAwaitingApproval([], 10), []);
      const due = async (now: number) =>
        (await store().dueCoolingOff(now, 1000)).filter((r) => r.id === cooling.id).length;
      assert.equal(await due(T0 + 999), 0);
      assert.equal(await due(T0 + 1000), 1);
    });

    it('keeps one settings row, the last written', async () => {
      await store().setRecoverySettings('{"a":1}', uid('admin'), T0);
      await store().setRecoverySettings('{"a":2}', uid('admin'), T0 + 1);
      assert.equal(await store().recoverySettings(), '{"a":2}');
    });

    it('raises a signal once per conversation, whoever raises it again', async () => {
      const c = uid('c');
      assert.deepEqual(
        (await store().raiseRecoverySignals(c, ['repeated_attempts', 'identity_mismatch'], T0)).sort(),
        ['identity_mismatch', 'repeated_attempts'],
      );
      const again = await Promise.all([
        store().raiseRecoverySignals(c, ['repeated_attempts', 'contact_recently_replaced'], T0 + 1),
        store().raiseRecoverySignals(c, ['contact_recently_replaced'], T0 + 2),
      ]);
      assert.deepEqual(again.flat(), ['contact_recently_replaced']);
      assert.deepEqual(await store().raiseRecoverySignals(c, [], T0), []);
      const listed = await store().listRecoverySignals(c);
      assert.deepEqual(
        listed.map((s) => [s.kind, s.at === T0]),
        [
          ['identity_mismatch', true],
          ['repeated_attempts', true],
          ['contact_recently_replaced', false],
        ],
      );
    });
  });
}
