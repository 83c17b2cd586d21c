import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decideAgentChange, maySeeEmail, visibleInboxes, type AgentChange } from './agent-lifecycle';
import { DomainError } from './errors';
import type { Actor, AgentRecord } from './types';

const record = (id: string, over: Partial<AgentRecord> = {}): AgentRecord => ({
  id,
  email: `${id}@example.test`,
  name: id,
  role: 'agent',
  passwordHash: 'x',
  active: true,
  createdAt: 0,
  ...over,
});
const actor = (id: string, role: 'admin' | 'agent' = 'admin', inboxIds = ['support']): Actor => ({
  kind: 'agent',
  agentId: id,
  role,
  inboxIds,
});
const outcome = (a: Actor, target: AgentRecord, change: AgentChange, activeAdmins = 2) => {
  try {
    return decideAgentChange({ actor: a, target, change, activeAdmins });
  } catch (err) {
    assert.ok(err instanceof DomainError);
    return err.code;
  }
};

describe('agent lifecycle rules', () => {
  it('admins only', () => {
    assert.equal(outcome(actor('a', 'agent'), record('b'), { name: 'B' }), 'forbidden');
    assert.equal(outcome({ kind: 'visitor', visitorId: 'v' }, record('b'), { name: 'B' }), 'forbidden');
  });

  it('an admin cannot deactivate or demote themselves, but may rename themselves', () => {
    const me = record('a', { role: 'admin' });
    assert.equal(outcome(actor('a'), me, { active: false }), 'forbidden');
    assert.equal(outcome(actor('a'), me, { role: 'agent' }), 'forbidden');
    assert.deepEqual(outcome(actor('a'), me, { name: 'Ann', role: 'admin' }), {
      endSessions: false,
      roleChanged: false,
    });
  });

  it('the last active admin stays one', () => {
    const last = record('b', { role: 'admin' });
    assert.equal(outcome(actor('a'), last, { active: false }, 1), 'conflict');
    assert.equal(outcome(actor('a'), last, { role: 'agent' }, 1), 'conflict');
    assert.deepEqual(outcome(actor('a'), last, { role: 'agent' }, 2), {
      endSessions: false,
      roleChanged: true,
    });
    // An inactive admin is not counted, and may be changed freely.
    assert.deepEqual(
      outcome(actor('a'), record('c', { role: 'admin', active: false }), { role: 'agent' }, 1),
      {
        endSessions: false,
        roleChanged: true,
      },
    );
  });

  it('deactivating ends sessions; reactivating or repeating a change does nothing to them', () => {
    assert.deepEqual(outcome(actor('a'), record('b'), { active: false, role: 'admin' }), {
      endSessions: true,
      roleChanged: false,
    });
    assert.deepEqual(outcome(actor('a'), record('b', { active: false }), { active: true }), {
      endSessions: false,
      roleChanged: false,
    });
    assert.deepEqual(outcome(actor('a'), record('b'), { role: 'agent' }), {
      endSessions: false,
      roleChanged: false,
    });
  });

  it('emails are for admins and the agent themselves', () => {
    assert.equal(maySeeEmail(actor('a'), 'b'), true);
    assert.equal(maySeeEmail(actor('a', 'agent'), 'a'), true);
    assert.equal(maySeeEmail(actor('a', 'agent'), 'b'), false);
  });

  it('an agent sees their own inboxes; an admin sees all', () => {
    const inboxes = [{ id: 'support' }, { id: 'sales' }];
    assert.deepEqual(visibleInboxes(actor('a', 'agent'), inboxes), [{ id: 'support' }]);
    assert.deepEqual(visibleInboxes(actor('a', 'admin'), inboxes), inboxes);
  });
});
