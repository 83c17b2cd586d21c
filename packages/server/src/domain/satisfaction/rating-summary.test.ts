import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeRatings } from './rating-summary';

describe('ratings summary', () => {
  it('gives the average, count and 1-to-5 distribution overall, per inbox and per agent, busiest first', () => {
    const summary = summarizeRatings([
      { inboxId: 'shop', agentId: 'ana', score: 5, count: 2 },
      { inboxId: 'shop', agentId: 'ana', score: 3, count: 1 },
      { inboxId: 'shop', agentId: null, score: 4, count: 1 },
      { inboxId: 'pro', agentId: 'bob', score: 1, count: 1 },
    ]);
    assert.deepEqual(
      { count: summary.count, average: summary.average, distribution: summary.distribution },
      { count: 5, average: 3.6, distribution: [1, 0, 1, 1, 2] },
    );
    assert.deepEqual(summary.byInbox, [
      { inboxId: 'shop', count: 4, average: 4.25, distribution: [0, 0, 1, 1, 2] },
      { inboxId: 'pro', count: 1, average: 1, distribution: [1, 0, 0, 0, 0] },
    ]);
    assert.deepEqual(
      summary.byAgent.map((a) => [a.agentId, a.count, a.average]),
      [
        ['ana', 3, 4.33],
        ['bob', 1, 1],
        [null, 1, 4],
      ],
    );
  });

  it('has no average without ratings, and ignores scores that cannot be', () => {
    assert.deepEqual(summarizeRatings([]), {
      count: 0,
      average: null,
      distribution: [0, 0, 0, 0, 0],
      byInbox: [],
      byAgent: [],
    });
    const odd = summarizeRatings([{ inboxId: 'x', agentId: null, score: 9, count: 3 }]);
    assert.equal(odd.count, 0);
    assert.deepEqual(odd.byInbox, []);
  });
});
