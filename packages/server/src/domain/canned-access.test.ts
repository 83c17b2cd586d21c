import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from './types';
import { DomainError } from './errors';
import { assertCanManageCanned, assertCanReadCanned, ownerOfNewCanned } from './canned-access';

const agent = (agentId: string, role: 'agent' | 'admin' = 'agent'): Actor => ({
  kind: 'agent',
  agentId,
  role,
  inboxIds: ['default'],
});
const visitor: Actor = { kind: 'visitor', visitorId: 'v1' };
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof DomainError ? err.code : 'other';
  }
};

describe('canned response access', () => {
  it('every agent reads shared ones; only admins change them', () => {
    const shared = { ownerId: null };
    assert.equal(
      code(() => assertCanReadCanned(agent('a'), shared)),
      'ok',
    );
    assert.equal(
      code(() => assertCanManageCanned(agent('a'), shared)),
      'forbidden',
    );
    assert.equal(
      code(() => assertCanManageCanned(agent('x', 'admin'), shared)),
      'ok',
    );
  });

  it("another agent's personal one is not_found; its owner and admins may change it", () => {
    const mine = { ownerId: 'a' };
    assert.equal(
      code(() => assertCanManageCanned(agent('a'), mine)),
      'ok',
    );
    assert.equal(
      code(() => assertCanReadCanned(agent('b'), mine)),
      'not_found',
    );
    assert.equal(
      code(() => assertCanManageCanned(agent('b'), mine)),
      'not_found',
    );
    assert.equal(
      code(() => assertCanManageCanned(agent('x', 'admin'), mine)),
      'ok',
    );
    assert.equal(
      code(() => assertCanReadCanned(visitor, mine)),
      'not_found',
    );
  });

  it('new shared ones are for admins; personal ones belong to their author', () => {
    assert.equal(ownerOfNewCanned(agent('a'), 'personal'), 'a');
    assert.equal(
      code(() => ownerOfNewCanned(agent('a'), 'shared')),
      'forbidden',
    );
    assert.equal(ownerOfNewCanned(agent('x', 'admin'), 'shared'), null);
  });
});
