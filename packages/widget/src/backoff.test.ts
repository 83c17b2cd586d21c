import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, createBackoff } from './backoff';

const opts = (r: number) => ({ baseMs: 500, capMs: 30_000, random: () => r });

describe('backoff', () => {
  it('stays within [0, min(cap, base * 2^attempt)]', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const ceiling = Math.min(30_000, 500 * 2 ** attempt);
      assert.equal(backoffDelay(attempt, opts(0)), 0);
      const high = backoffDelay(attempt, opts(0.999999));
      assert.ok(high <= ceiling && high >= ceiling - 1, `attempt ${attempt}: ${high}`);
    }
  });

  it('never exceeds the cap, even after a very long outage', () => {
    assert.ok(backoffDelay(10_000, opts(0.999999)) < 30_000);
  });

  it('grows with each attempt and starts over after a reset', () => {
    const b = createBackoff(opts(0.5));
    assert.deepEqual([b.next(), b.next(), b.next()], [250, 500, 1000]);
    b.reset();
    assert.equal(b.next(), 250);
  });
});
