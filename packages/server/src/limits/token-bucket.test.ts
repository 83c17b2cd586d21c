import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KeyedLimiter, TokenBucket } from './token-bucket';

describe('token bucket', () => {
  it('allows a burst, then refuses until time refills it', () => {
    const bucket = new TokenBucket(2, 3, 0);
    assert.deepEqual(
      [0, 0, 0, 0].map((t) => bucket.take(t)),
      [true, true, true, false],
    );
    assert.equal(bucket.take(499), false);
    assert.equal(bucket.take(500), true, 'one token after half a second at 2/s');
  });
  it('keeps one bucket per key', () => {
    const limiter = new KeyedLimiter(1, 1);
    assert.equal(limiter.take('a', 0), true);
    assert.equal(limiter.take('a', 0), false);
    assert.equal(limiter.take('b', 0), true);
  });
});
