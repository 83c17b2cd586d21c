import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertCanAssign, assertCanChangeStatus, canRead, decideReply } from './access';
import { DomainError } from './errors';
import type { Actor, ConversationRecord } from './types';

const conversation = (over: Partial<ConversationRecord> = {}): ConversationRecord => ({
  id: 'c1',
  inboxId: 'support',
  visitorId: 'v1',
  status: 'open',
  assigneeId: null,
  lastSeq: 3,
  previewEnabled: false,
  createdAt: 0,
  priority: 'normal',
  teamId: null,
  updatedAt: 0,
  ...over,
});
const visitor = (id = 'v1'): Actor => ({ kind: 'visitor', visitorId: id });
const agent = (id = 'a1', role: 'agent' | 'admin' = 'agent', inboxIds = ['support']): Actor => ({
  kind: 'agent',
  agentId: id,
  role,
  inboxIds,
});
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'allowed';
  } catch (err) {
    return err instanceof DomainError ? err.code : 'crashed';
  }
};

describe('who may read a conversation', () => {
  it('its visitor, and agents of its inbox', () => {
    assert.equal(canRead(visitor('v1'), conversation()), true);
    assert.equal(canRead(agent(), conversation()), true);
  });
  it('not another visitor, nor an agent of another inbox', () => {
    assert.equal(canRead(visitor('v2'), conversation()), false);
    assert.equal(canRead(agent('a1', 'admin', ['sales']), conversation()), false);
  });
});

describe('replying', () => {
  it('an agent replying to an unassigned conversation takes it', () => {
    assert.deepEqual(decideReply(agent('a1'), conversation()), { assignTo: 'a1', reopen: false });
  });
  it("an agent cannot reply in a colleague's conversation; an admin can, without taking it", () => {
    assert.equal(
      code(() => decideReply(agent('a1'), conversation({ assigneeId: 'a2' }))),
      'forbidden',
    );
    assert.deepEqual(decideReply(agent('boss', 'admin'), conversation({ assigneeId: 'a2' })), {
      assignTo: null,
      reopen: false,
    });
  });
  it('a visitor writing into a resolved conversation reopens it', () => {
    assert.deepEqual(decideReply(visitor(), conversation({ status: 'resolved' })), {
      assignTo: null,
      reopen: true,
    });
  });
  it('answers not_found, not forbidden, to a stranger, so ids cannot be probed', () => {
    assert.equal(
      code(() => decideReply(visitor('v2'), conversation())),
      'not_found',
    );
  });
});

describe('resolving and assigning', () => {
  it('visitors never resolve', () => {
    assert.equal(
      code(() => assertCanChangeStatus(visitor(), conversation())),
      'forbidden',
    );
  });
  it('agents take or release for themselves only; admins assign anyone', () => {
    assert.equal(
      code(() => assertCanAssign(agent('a1'), conversation(), 'a1')),
      'allowed',
    );
    assert.equal(
      code(() => assertCanAssign(agent('a1'), conversation(), 'a2')),
      'forbidden',
    );
    assert.equal(
      code(() => assertCanAssign(agent('a1'), conversation({ assigneeId: 'a1' }), null)),
      'allowed',
    );
    assert.equal(
      code(() => assertCanAssign(agent('boss', 'admin'), conversation({ assigneeId: 'a1' }), 'a2')),
      'allowed',
    );
  });
});
