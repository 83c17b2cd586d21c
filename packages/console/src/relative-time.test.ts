import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { relativeTime } from './relative-time';

describe('relative time', () => {
  const now = Date.UTC(2025, 0, 20, 12);
  it('says now, then minutes, hours and days', () => {
    assert.equal(relativeTime(now - 10_000, now), 'now');
    assert.equal(relativeTime(now - 5 * 60_000, now), '5m');
    assert.equal(relativeTime(now - 3 * 3_600_000, now), '3h');
    assert.equal(relativeTime(now - 2 * 86_400_000, now), '2d');
  });

  it('says them the French way in French', () => {
    assert.equal(relativeTime(now - 10_000, now, 'fr'), 'maintenant');
    assert.equal(relativeTime(now - 5 * 60_000, now, 'fr'), '5\u00a0min');
    assert.equal(relativeTime(now - 2 * 86_400_000, now, 'fr'), '2\u00a0j');
  });

  it('treats a timestamp slightly in the future (clock skew) as now', () => {
    assert.equal(relativeTime(now + 5000, now), 'now');
  });

  it('shows a date after a week', () => {
    assert.doesNotMatch(relativeTime(now - 30 * 86_400_000, now), /^\d+[mhd]$/);
  });
});
