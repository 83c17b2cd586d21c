import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { DraftRelay } from './draft-relay';

/** A relay on mocked time; `relayed` records each text with the (mocked) time it went out. */
function relayOnMockedTime(t: TestContext) {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  const relayed: { text: string; at: number }[] = [];
  const relay = new DraftRelay(
    (_c, text) => relayed.push({ text, at: Date.now() }),
    () => Date.now(),
  );
  return { relay, relayed, texts: () => relayed.map((r) => r.text) };
}

/** Sends drafts at the given times (ms from now) and returns when each was sent. */
function typeAt(t: TestContext, relay: DraftRelay, times: number[]): number[] {
  const start = Date.now();
  const sentAt: number[] = [];
  times.forEach((time, i) => {
    t.mock.timers.tick(start + time - Date.now());
    sentAt.push(Date.now());
    relay.update('c1', `draft ${i}`);
  });
  t.mock.timers.tick(1_000);
  return sentAt;
}

describe('draft relay', () => {
  it('relays a visitor typing at 5 drafts a second as they arrive, jitter and all', (t) => {
    const { relay, relayed } = relayOnMockedTime(t);
    // Paced at exactly 200 ms by the widget, arriving 30 ms early or late over the network.
    const times = Array.from({ length: 40 }, (_, i) => i * 200 + (i % 2 ? -30 : 30));
    const sentAt = typeAt(t, relay, times);
    assert.equal(relayed.length, 40, 'every draft relayed');
    assert.deepEqual(
      relayed.map((r, i) => r.at - sentAt[i]!),
      sentAt.map(() => 0),
      'none held back',
    );
  });

  it('is not held back for good after one draft arrived late', (t) => {
    const { relay, relayed } = relayOnMockedTime(t);
    // The fifth draft arrives 120 ms late (a stalled network or server); the rest are on time.
    const times = Array.from({ length: 30 }, (_, i) => i * 200 + (i === 4 ? 120 : 0));
    const sentAt = typeAt(t, relay, times);
    assert.equal(relayed.length, 30);
    const delays = relayed.map((r, i) => r.at - sentAt[i]!);
    assert.deepEqual(delays.slice(5), Array(25).fill(0), 'drafts after the late one go out at once');
  });

  it('holds faster typing to the rate, the latest text winning', (t) => {
    const { relay, relayed, texts } = relayOnMockedTime(t);
    // 100 keystrokes in 2 s: at most the burst of 2 plus 5 a second go out.
    typeAt(
      t,
      relay,
      Array.from({ length: 100 }, (_, i) => i * 20),
    );
    assert.ok(relayed.length <= 2 + 2 * 5 + 1, `${relayed.length} relays`);
    assert.ok(relayed.length >= 10, `${relayed.length} relays`);
    assert.equal(texts().at(-1), 'draft 99', 'the last text reaches the agent');
    const gaps = relayed.slice(3).map((r, i) => r.at - relayed[i + 2]!.at);
    assert.ok(
      gaps.every((gap) => gap >= 199),
      `after the burst, one relay per 200 ms: ${gaps.join(',')}`,
    );
  });

  it('coalesces a burst: the first two at once, then only the latest', (t) => {
    const { relay, texts } = relayOnMockedTime(t);
    for (let i = 1; i <= 20; i++) relay.update('c1', 'x'.repeat(i));
    t.mock.timers.tick(250);
    assert.deepEqual(texts(), ['x', 'xx', 'x'.repeat(20)]);
  });

  it('clears what agents saw, and drops what was still pending', (t) => {
    const { relay, texts } = relayOnMockedTime(t);
    relay.update('c1', 'shown');
    relay.update('c1', 'shown too');
    relay.update('c1', 'pending');
    relay.clear('c1');
    t.mock.timers.tick(1_000);
    assert.deepEqual(texts(), ['shown', 'shown too', '']);
  });
});
