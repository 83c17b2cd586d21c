import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors';
import type { Actor, ConversationRecord } from '../types';
import { assertCanTake, assertCanTransfer, assertCanTriage } from './routing-access';

const conversation = (over: Partial<ConversationRecord> = {}): ConversationRecord => ({
  id: 'c1',
  inboxId: 'support',
  visitorId: 'v1',
  status: 'open',
  assigneeId: null,
  lastSeq: 1,
  previewEnabled: false,
  createdAt: 0,
  updatedAt: 0,
  priority: 'normal',
  teamId: null,
  ...over,
});
const agent = (id = 'a1', role: 'agent' | 'admin' = 'agent', inboxIds = ['support']): Actor => ({
  kind: 'agent',
  agentId: id,
  role,
  inboxIds,
});
const code = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : 'other';
  }
  return 'ok';
};

describe('routing access', () => {
  it('taking from the queue: only a waiting conversation, only with room left', () => {
    assert.equal(
      code(() => assertCanTake(conversation(), { load: 2, capacity: 3 })),
      'ok',
    );
    assert.equal(
      code(() => assertCanTake(conversation(), { load: 3, capacity: 3 })),
      'conflict',
    );
    assert.equal(
      code(() => assertCanTake(conversation({ assigneeId: 'a2' }), { load: 0, capacity: 3 })),
      'conflict',
    );
    assert.equal(
      code(() => assertCanTake(conversation({ status: 'resolved' }), { load: 0, capacity: 3 })),
      'conflict',
    );
  });

  it("transfer: the assignee or an admin, not a colleague; a stranger's id is not found", () => {
    const mine = conversation({ assigneeId: 'a1' });
    assert.equal(
      code(() => assertCanTransfer(agent('a1'), mine)),
      'ok',
    );
    assert.equal(
      code(() => assertCanTransfer(agent('a2'), mine)),
      'forbidden',
    );
    assert.equal(
      code(() => assertCanTransfer(agent('a9', 'admin'), mine)),
      'ok',
    );
    assert.equal(
      code(() => assertCanTransfer(agent('a1', 'agent', ['other']), mine)),
      'not_found',
    );
    assert.equal(
      code(() => assertCanTransfer({ kind: 'visitor', visitorId: 'v1' }, mine)),
      'forbidden',
    );
  });

  it('triage is for agents of the inbox', () => {
    assert.equal(
      code(() => assertCanTriage(agent('a2'), conversation({ assigneeId: 'a1' }))),
      'ok',
    );
    assert.equal(
      code(() => assertCanTriage({ kind: 'visitor', visitorId: 'v1' }, conversation())),
      'forbidden',
    );
    assert.equal(
      code(() => assertCanTriage({ kind: 'visitor', visitorId: 'v2' }, conversation())),
      'not_found',
    );
  });
});
