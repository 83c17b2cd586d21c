import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { capacityOf, DEFAULT_CAPACITY, roomLeft } from './capacity';

describe('capacity', () => {
  it("the agent's own capacity wins", () => {
    assert.equal(capacityOf(7, [2, 4]), 7);
    assert.equal(capacityOf(0, [2]), 0);
  });

  it("else the largest default of the agent's teams", () => {
    assert.equal(capacityOf(null, [2, null, 5]), 5);
  });

  it("else the server's default", () => {
    assert.equal(capacityOf(null, []), DEFAULT_CAPACITY);
    assert.equal(capacityOf(null, [null], 9), 9);
  });

  it('room left is never negative', () => {
    assert.equal(roomLeft(1, 3), 2);
    assert.equal(roomLeft(5, 3), 0);
  });
});
