import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideHeld } from './held-message';

test('an ordinary agent message is sent, in any conversation', () => {
  assert.deepEqual(decideHeld(undefined, { acknowledged: false, recovery: false }), { send: true });
  assert.deepEqual(decideHeld(undefined, { acknowledged: false, recovery: true }), { send: true });
});

test('a message asking for or holding a secret is held with a warning saying why, until acknowledged', () => {
  const asks = decideHeld('asks_for_secret', { acknowledged: false, recovery: false });
  assert.equal(asks.send, false);
  assert.ok(!asks.send && !asks.final);
  assert.match(asks.warning, /asks the customer for a password or a code/);
  const holds = decideHeld('contains_secret', { acknowledged: false, recovery: false });
  assert.ok(!holds.send && /contain a password or a code/.test(holds.warning));
  assert.deepEqual(decideHeld('asks_for_secret', { acknowledged: true, recovery: false }), { send: true });
});

test('in a recovery conversation it is never sent, acknowledged or not', () => {
  for (const acknowledged of [false, true]) {
    const d = decideHeld('asks_for_secret', { acknowledged, recovery: true });
    assert.ok(!d.send && d.final, `acknowledged: ${acknowledged}`);
    assert.match(d.warning, /secure field/);
  }
});
