import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoff, backoffDelay, fixedWindow, refund, type LimitRule, type LimitState } from './rate-limits';
import { addressGroup } from './address-group';

/** Runs `rule` `times` times at `now`, keeping the state as the store would; the decisions. */
function attempts(rule: LimitRule, times: number, start: { state?: LimitState; now: number }) {
  let state = start.state;
  const results: (number | 'ok')[] = [];
  for (let i = 0; i < times; i++) {
    const d = rule(state, start.now);
    if (d.ok) state = d.next;
    results.push(d.ok ? 'ok' : d.retryAfterMs);
  }
  return { results, state };
}

describe('fixed window', () => {
  const rule = fixedWindow({ limit: 3, windowMs: 60_000 });
  it('lets `limit` attempts through per window, then says when the window ends', () => {
    const { results, state } = attempts(rule, 5, { now: 1000 });
    assert.deepEqual(results, ['ok', 'ok', 'ok', 60_000, 60_000]);
    assert.deepEqual(rule(state, 31_000), { ok: false, retryAfterMs: 30_000 });
    assert.equal(rule(state, 61_000).ok, true);
  });
});

describe('backoff', () => {
  const policy = { free: 3, baseMs: 1000, maxMs: 8000, forgetMs: 60_000 };
  const rule = backoff(policy);
  it('gives a few free attempts, then blocks for a time that doubles, capped', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, policy)),
      [0, 0, 1000, 2000, 4000, 8000, 8000, 8000],
    );
    const { results, state } = attempts(rule, 4, { now: 0 });
    assert.deepEqual(results, ['ok', 'ok', 'ok', 1000]);
    assert.equal(state?.hits, 3, 'an attempt refused while blocked is not counted');
    const later = rule(state, 1000);
    assert.ok(later.ok);
    assert.deepEqual(rule(later.next, 1000), { ok: false, retryAfterMs: 2000 });
  });
  it('forgets attempts once quiet for forgetMs after the block', () => {
    const { state } = attempts(rule, 3, { now: 0 });
    const d = rule(state, 1000 + 60_000);
    assert.ok(d.ok);
    assert.equal(d.next.hits, 1);
  });
  it('a refunded attempt no longer counts, and lifts the block it caused', () => {
    const { state } = attempts(rule, 3, { now: 0 });
    assert.ok(state);
    const back = refund(state, policy);
    assert.equal(back.hits, 2);
    assert.equal(rule(back, 1).ok, true);
  });
});

describe('address groups', () => {
  it('keeps IPv4 apart, and groups IPv6 by /64 however it is written', () => {
    assert.equal(addressGroup('203.0.113.7'), '203.0.113.7');
    assert.equal(addressGroup('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(addressGroup('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(addressGroup('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
    assert.equal(addressGroup('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressGroup('[2001:DB8:1:2::9]'), '2001:db8:1:2::/64');
    assert.notEqual(addressGroup('2001:db8:1:3::1'), addressGroup('2001:db8:1:2::1'));
    assert.equal(addressGroup('::1'), '0:0:0:0::/64');
    assert.equal(addressGroup('fe80::1%eth0'), 'fe80:0:0:0::/64');
  });
});
