import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { estimateWait, median, MIN_WAIT_SAMPLES, WAIT_WINDOW_MS } from './wait-estimate';

/** A fake clock: samples are placed relative to it, nothing reads the real time. */
const now = Date.UTC(2026, 0, 15, 12);
const minute = 60_000;

describe('wait estimate', () => {
  it('hidden when there are too few recent samples', () => {
    const few = Array.from({ length: MIN_WAIT_SAMPLES - 1 }, (_, i) => ({
      assignedAt: now - i * minute,
      waitedMs: 4 * minute,
    }));
    assert.equal(estimateWait(few, now), null);
  });

  it('a range around the median time to first assignment', () => {
    const samples = [2, 3, 4, 4, 20].map((m, i) => ({ assignedAt: now - i * minute, waitedMs: m * minute }));
    assert.deepEqual(estimateWait(samples, now), { minMinutes: 3, maxMinutes: 5 });
  });

  it('old samples do not count', () => {
    const old = Array.from({ length: 10 }, () => ({
      assignedAt: now - WAIT_WINDOW_MS - 1,
      waitedMs: 30 * minute,
    }));
    const recent = Array.from({ length: 5 }, () => ({ assignedAt: now - minute, waitedMs: 8 * minute }));
    assert.deepEqual(estimateWait([...old, ...recent], now), { minMinutes: 6, maxMinutes: 10 });
    // Moving the clock on a day forgets the recent ones too.
    assert.equal(estimateWait([...old, ...recent], now + WAIT_WINDOW_MS), null);
  });

  it('short waits still say at least one minute, as a range', () => {
    const samples = Array.from({ length: 6 }, () => ({ assignedAt: now, waitedMs: 5_000 }));
    assert.deepEqual(estimateWait(samples, now), { minMinutes: 1, maxMinutes: 2 });
  });

  it('median of odd and even counts', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    assert.equal(median([]), undefined);
  });
});
