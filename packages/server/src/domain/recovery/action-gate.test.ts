import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decideAction,
  FLOOR,
  requirementFor,
  VERIFICATION_VALID_MS,
  type ActionRequest,
} from './action-gate';

const NOW = Date.UTC(2026, 11, 3, 14, 0);
const HOUR = 60 * 60_000;
const base = (over: Partial<ActionRequest> = {}): ActionRequest => ({
  action: 'unlock',
  accountId: 'acct-1',
  requestedBy: 'agent-1',
  requirement: FLOOR.unlock,
  verified: [{ accountId: 'acct-1', purpose: 'unlock', standing: 'current', at: NOW - 60_000 }],
  approval: null,
  stoppedByOldContact: false,
  now: NOW,
  ...over,
});

test('unlock is refused until a code to a current contact was verified, then approved', () => {
  assert.deepEqual(decideAction(base({ verified: [] })), { status: 'refused', reason: 'not_verified' });
  assert.deepEqual(decideAction(base()), { status: 'approved' });
});

test('a code for another account or purpose proves nothing for this action', () => {
  const wrong = [
    { accountId: 'acct-2', purpose: 'unlock' as const, standing: 'current' as const, at: NOW },
    { accountId: 'acct-1', purpose: 'change_contact' as const, standing: 'current' as const, at: NOW },
  ];
  assert.deepEqual(decideAction(base({ verified: wrong })), { status: 'refused', reason: 'not_verified' });
});

test('a verification is good for an hour', () => {
  const old = [
    {
      accountId: 'acct-1',
      purpose: 'unlock' as const,
      standing: 'current' as const,
      at: NOW - VERIFICATION_VALID_MS - 1,
    },
  ];
  assert.deepEqual(decideAction(base({ verified: old })), {
    status: 'refused',
    reason: 'verification_expired',
  });
});

test('a code that only reached a recently replaced contact needs a second person, not the same agent', () => {
  const recent = [
    {
      accountId: 'acct-1',
      purpose: 'unlock' as const,
      standing: 'recently_replaced' as const,
      at: NOW - 1000,
    },
  ];
  assert.deepEqual(decideAction(base({ verified: recent })), { status: 'awaiting_approval' });
  assert.deepEqual(
    decideAction(
      base({ verified: recent, approval: { approverId: 'agent-1', approverRole: 'supervisor', at: NOW } }),
    ),
    { status: 'refused', reason: 'self_approval' },
  );
  assert.deepEqual(
    decideAction(
      base({ verified: recent, approval: { approverId: 'agent-2', approverRole: 'agent', at: NOW } }),
    ),
    { status: 'refused', reason: 'approver_not_allowed' },
  );
  assert.deepEqual(
    decideAction(
      base({ verified: recent, approval: { approverId: 'sup-1', approverRole: 'supervisor', at: NOW } }),
    ),
    { status: 'approved' },
  );
});

test('a second-factor reset always needs an approval', () => {
  const verified = [
    { accountId: 'acct-1', purpose: 'reset_second_factor' as const, standing: 'current' as const, at: NOW },
  ];
  const req = base({ action: 'reset_second_factor', requirement: FLOOR.reset_second_factor, verified });
  assert.deepEqual(decideAction(req), { status: 'awaiting_approval' });
  assert.deepEqual(
    decideAction({ ...req, approval: { approverId: 'adm', approverRole: 'admin', at: NOW } }),
    {
      status: 'approved',
    },
  );
});

test('a contact change waits 24 hours after its approval, and the old contact can stop it', () => {
  const verified = [
    { accountId: 'acct-1', purpose: 'change_contact' as const, standing: 'current' as const, at: NOW },
  ];
  const approval = { approverId: 'sup-1', approverRole: 'supervisor' as const, at: NOW };
  const req = base({ action: 'change_contact', requirement: FLOOR.change_contact, verified, approval });
  assert.deepEqual(decideAction(req), { status: 'cooling_off', until: NOW + 24 * HOUR });
  // Verified an hour ago at most: the action itself runs later, on the approval's clock.
  assert.deepEqual(
    decideAction({
      ...req,
      verified: [{ ...verified[0]!, at: NOW + 24 * HOUR - 1000 }],
      now: NOW + 24 * HOUR,
    }),
    {
      status: 'approved',
    },
  );
  assert.deepEqual(decideAction({ ...req, stoppedByOldContact: true }), {
    status: 'refused',
    reason: 'stopped_by_old_contact',
  });
});

test("an admin's setting can make an action stricter, never looser, and junk is ignored", () => {
  assert.deepEqual(requirementFor('unlock', { approval: true, coolingOffMs: HOUR }), {
    approval: true,
    coolingOffMs: HOUR,
  });
  assert.deepEqual(
    requirementFor('change_contact', { approval: false, coolingOffMs: 0 }),
    FLOOR.change_contact,
  );
  assert.deepEqual(requirementFor('reset_second_factor', { approval: 'no' }), FLOOR.reset_second_factor);
  assert.deepEqual(requirementFor('unlock', { coolingOffMs: Number.POSITIVE_INFINITY }), FLOOR.unlock);
  assert.equal(requirementFor('unlock', { coolingOffMs: 10 ** 15 }).coolingOffMs, 30 * 24 * HOUR);
  assert.deepEqual(requirementFor('unlock', null), FLOOR.unlock);
  assert.deepEqual(requirementFor('unlock', '{"approval":false}'), FLOOR.unlock);
});
