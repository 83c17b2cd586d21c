import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConcurrencyLimit } from './concurrency-limit';

describe('concurrency limit', () => {
  it('runs at most max tasks at once, all of them eventually, in order', async () => {
    const limit = new ConcurrencyLimit(2);
    let now = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        limit.run(async () => {
          started.push(i);
          peak = Math.max(peak, ++now);
          await new Promise((r) => setTimeout(r, 5));
          now -= 1;
          return i * 10;
        }),
      ),
    );
    assert.equal(peak, 2);
    assert.deepEqual(started, [0, 1, 2, 3, 4]);
    assert.deepEqual(results, [0, 10, 20, 30, 40]);
  });

  it('frees its slot when a task fails', async () => {
    const limit = new ConcurrencyLimit(1);
    await assert.rejects(limit.run(() => Promise.reject(new Error('boom'))));
    assert.equal(await limit.run(() => Promise.resolve('next')), 'next');
  });
});
