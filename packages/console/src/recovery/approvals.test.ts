import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Approval } from './approvals';
import { approvalsInOrder, mayDecide, supervises, withoutApproval } from './approvals';
import { afterRecoveryChanged, noSignalAlerts, seen } from './signal-alerts';

function approval(id: string, createdAt: number, requesterId = 'a1'): Approval {
  return {
    id,
    conversationId: `c-${id}`,
    action: 'reset_second_factor',
    status: 'awaiting_approval',
    reason: null,
    requestedBy: { id: requesterId, name: 'Ada' },
    approvedBy: null,
    newContactMasked: null,
    coolingOffUntil: null,
    createdAt,
    decidedAt: null,
  };
}

describe('approvals', () => {
  it('are for supervisors and admins only', () => {
    assert.equal(supervises('supervisor'), true);
    assert.equal(supervises('admin'), true);
    assert.equal(supervises('agent'), false);
  });

  it('are never offered on one’s own request, nor to a plain agent', () => {
    assert.equal(mayDecide(approval('x', 1, 'sue'), 'sue', 'supervisor'), false);
    assert.equal(mayDecide(approval('x', 1, 'ada'), 'sue', 'supervisor'), true);
    assert.equal(mayDecide(approval('x', 1, 'ada'), 'sue', 'admin'), true);
    assert.equal(mayDecide(approval('x', 1, 'ada'), 'sue', 'agent'), false);
  });

  it('come oldest first, and a decided one leaves the list', () => {
    const list = approvalsInOrder([approval('b', 5), approval('a', 2), approval('c', 9)]);
    assert.deepEqual(
      list.map((a) => a.id),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(
      withoutApproval(list, 'b').map((a) => a.id),
      ['a', 'c'],
    );
  });
});

describe('takeover signal alerts', () => {
  const supervisor = { role: 'supervisor', watchedId: null } as const;

  it('count each signalled conversation once, for supervisors and admins', () => {
    let alerts = afterRecoveryChanged(noSignalAlerts, { conversationId: 'c1', signal: true }, supervisor);
    alerts = afterRecoveryChanged(alerts, { conversationId: 'c1', signal: true }, supervisor);
    alerts = afterRecoveryChanged(
      alerts,
      { conversationId: 'c2', signal: true },
      { role: 'admin', watchedId: null },
    );
    assert.deepEqual(alerts, ['c1', 'c2']);
    assert.deepEqual(seen(alerts, 'c1'), ['c2']);
  });

  it('ignore changes without a signal, plain agents, and the conversation on screen', () => {
    assert.equal(afterRecoveryChanged(noSignalAlerts, { conversationId: 'c1' }, supervisor), noSignalAlerts);
    assert.equal(
      afterRecoveryChanged(
        noSignalAlerts,
        { conversationId: 'c1', signal: true },
        { role: 'agent', watchedId: null },
      ),
      noSignalAlerts,
    );
    assert.equal(
      afterRecoveryChanged(
        noSignalAlerts,
        { conversationId: 'c1', signal: true },
        { role: 'supervisor', watchedId: 'c1' },
      ),
      noSignalAlerts,
    );
  });
});
