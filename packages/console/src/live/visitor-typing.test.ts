import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VISITOR_TYPING_TTL_MS, VisitorTyping } from './visitor-typing';
import { ManualTimers } from './test-fakes';

function setup() {
  const timers = new ManualTimers();
  const changes: string[] = [];
  const typing = new VisitorTyping(timers, (id, on) => changes.push(`${id}:${on}`));
  return { timers, changes, typing };
}

describe('visitor typing', () => {
  it('reports a change only when the state flips, not on each refresh', () => {
    const { typing, changes } = setup();
    typing.set('c1', true);
    typing.set('c1', true);
    typing.set('c1', false);
    typing.set('c1', false);
    assert.deepEqual(changes, ['c1:true', 'c1:false']);
  });

  it('expires 6 s after the last true, each refresh restarting the wait', () => {
    const { typing, timers, changes } = setup();
    typing.set('c1', true);
    typing.set('c1', true);
    assert.deepEqual(timers.delays(), [VISITOR_TYPING_TTL_MS]);
    timers.fireAll();
    assert.deepEqual(changes, ['c1:true', 'c1:false']);
  });

  it('clear cancels every pending expiry', () => {
    const { typing, timers } = setup();
    typing.set('c1', true);
    typing.set('c2', true);
    typing.clear();
    assert.equal(timers.pending.size, 0);
  });
});
