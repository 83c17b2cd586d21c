import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterAttempt, SCHEDULE } from './delivery-schedule';

test('a 2xx answer delivers; a 410 disables the endpoint; anything else is tried again', () => {
  for (const status of [200, 201, 204, 299])
    assert.deepEqual(afterAttempt(1, status, 0, 0.5), { kind: 'delivered' });
  assert.deepEqual(afterAttempt(1, 410, 0, 0.5), { kind: 'endpoint_gone' });
  for (const status of [undefined, 301, 400, 404, 429, 500, 503])
    assert.equal(afterAttempt(1, status, 0, 0.5).kind, 'retry', String(status));
});

test('retries back off exponentially with full jitter, capped, then give up', () => {
  const at = (attempts: number, random: number) => {
    const o = afterAttempt(attempts, 500, 1_000_000, random);
    assert.equal(o.kind, 'retry');
    return o.kind === 'retry' ? o.at - 1_000_000 : NaN;
  };
  assert.equal(at(1, 0.999), 9_990);
  assert.equal(at(2, 0.999), 19_980);
  assert.equal(at(5, 0.999), 159_840);
  assert.ok(at(14, 0.999) <= SCHEDULE.maxDelayMs);
  assert.ok(at(14, 0.999) > SCHEDULE.maxDelayMs * 0.99);
  // Jitter spreads endpoints that failed together, but never below a second.
  assert.equal(at(3, 0), 1_000);
  assert.equal(at(3, 0.5), 20_000);
  assert.deepEqual(afterAttempt(SCHEDULE.maxAttempts, 500, 0, 0.5), { kind: 'given_up' });
  assert.deepEqual(afterAttempt(SCHEDULE.maxAttempts, 200, 0, 0.5), { kind: 'delivered' });
});
