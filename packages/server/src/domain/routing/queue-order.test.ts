import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { queueOrder, queuePosition, type Waiting } from './queue-order';

const w = (id: string, priority: Waiting['priority'], waitingSince: number): Waiting => ({
  id,
  priority,
  waitingSince,
});

describe('queue order', () => {
  it('priority first, then whoever has waited longest', () => {
    const order = queueOrder([
      w('a', 'normal', 10),
      w('b', 'urgent', 50),
      w('c', 'normal', 5),
      w('d', 'low', 1),
      w('e', 'high', 40),
      w('f', 'urgent', 60),
    ]).map((x) => x.id);
    assert.deepEqual(order, ['b', 'f', 'e', 'c', 'a', 'd']);
  });

  it('equal priority and time: by id, the same on every node', () => {
    assert.deepEqual(
      queueOrder([w('z', 'normal', 1), w('m', 'normal', 1)]).map((x) => x.id),
      ['m', 'z'],
    );
  });
});

describe('queue position', () => {
  it('is 1 for the next one served, null when not waiting', () => {
    assert.equal(queuePosition(['x', 'y', 'z'], 'x'), 1);
    assert.equal(queuePosition(['x', 'y', 'z'], 'z'), 3);
    assert.equal(queuePosition(['x'], 'q'), null);
  });
});
