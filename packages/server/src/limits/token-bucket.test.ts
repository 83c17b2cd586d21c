import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { takeToken } from './token-bucket';

describe('token bucket', () => {
  it('allows a burst, then refuses until time refills it', () => {
    let fullAt = 0;
    const take = (now: number) => {
      const next = takeToken(fullAt, now, 2, 3);
      if (next !== undefined) fullAt = next;
      return next !== undefined;
    };
    assert.deepEqual(
      [0, 0, 0, 0].map((t) => take(t)),
      [true, true, true, false],
    );
    assert.equal(take(499), false);
    assert.equal(take(500), true, 'one token after half a second at 2/s');
  });
});
