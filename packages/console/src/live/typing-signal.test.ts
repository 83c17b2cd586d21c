import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TypingSignal } from './typing-signal';
import { ManualTimers } from './test-fakes';

function setup() {
  let now = 0;
  const timers = new ManualTimers();
  const sent: boolean[] = [];
  const signal = new TypingSignal('c1', (t) => sent.push(t), { now: () => now, timers });
  return { signal, timers, sent, advance: (ms: number) => (now += ms) };
}

describe('typing signal', () => {
  it('sends true on the first keystroke, then at most every 2 s while typing continues', () => {
    const { signal, sent, advance } = setup();
    signal.input();
    advance(500);
    signal.input();
    advance(1000);
    signal.input();
    assert.deepEqual(sent, [true]);
    advance(600);
    signal.input();
    assert.deepEqual(sent, [true, true]);
  });

  it('sends false after 3 s without a keystroke', () => {
    const { signal, timers, sent } = setup();
    signal.input();
    assert.deepEqual(timers.delays(), [3000]);
    timers.fireAll();
    assert.deepEqual(sent, [true, false]);
  });

  it('sends false once on stop (a reply was sent), and nothing if not typing', () => {
    const { signal, timers, sent } = setup();
    signal.stop();
    signal.input();
    signal.stop();
    signal.stop();
    assert.deepEqual(sent, [true, false]);
    assert.equal(timers.pending.size, 0);
  });

  it('sends true again right away after having stopped', () => {
    const { signal, sent } = setup();
    signal.input();
    signal.stop();
    signal.input();
    assert.deepEqual(sent, [true, false, true]);
  });
});
