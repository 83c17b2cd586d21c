import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createExpiring, createTypingSignal } from './typing';

describe('typing', () => {
  it('sends typing at most every 2 s while keys are pressed, then stops after 3 s of quiet', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    const sent: boolean[] = [];
    const signal = createTypingSignal((v) => sent.push(v));
    signal.input('h');
    t.mock.timers.tick(500);
    signal.input('he');
    t.mock.timers.tick(1600);
    signal.input('hel');
    assert.deepEqual(sent, [true, true]);
    t.mock.timers.tick(2999);
    assert.deepEqual(sent, [true, true]);
    t.mock.timers.tick(1);
    assert.deepEqual(sent, [true, true, false]);
  });

  it('stops at once when the draft is cleared or sent, and only if it had started', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    const sent: boolean[] = [];
    const signal = createTypingSignal((v) => sent.push(v));
    signal.stop();
    signal.input('hi');
    signal.input('');
    assert.deepEqual(sent, [true, false]);
    signal.input('again');
    signal.stop();
    t.mock.timers.tick(5000);
    assert.deepEqual(sent, [true, false, true, false]);
  });

  it('forgets an agent typing flag 6 s after its last refresh', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const changed = mock.fn();
    const typing = createExpiring<string>(6000, changed);
    typing.set('Ada');
    t.mock.timers.tick(5000);
    typing.set('Ada');
    t.mock.timers.tick(5000);
    assert.equal(typing.value, 'Ada');
    t.mock.timers.tick(1000);
    assert.equal(typing.value, null);
    assert.equal(changed.mock.callCount(), 1);
  });
});
