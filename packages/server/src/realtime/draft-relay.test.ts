import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DraftRelay } from './draft-relay';

describe('draft relay', () => {
  it('relays a visitor typing at exactly 5 drafts a second without merging any', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    const relayed: string[] = [];
    const relay = new DraftRelay(
      (_c, text) => relayed.push(text),
      () => Date.now(),
    );
    for (let i = 0; i < 50; i++) {
      relay.update('c1', `draft ${i}`);
      t.mock.timers.tick(200); // the next keystroke exactly one interval later
    }
    t.mock.timers.tick(1_000);
    assert.equal(relayed.length, 50, 'every draft relayed');
    assert.equal(relayed.at(-1), 'draft 49');
  });

  it('coalesces a burst: the first at once, then only the latest', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    const relayed: string[] = [];
    const relay = new DraftRelay(
      (_c, text) => relayed.push(text),
      () => Date.now(),
    );
    for (let i = 1; i <= 20; i++) relay.update('c1', 'x'.repeat(i));
    t.mock.timers.tick(250);
    assert.deepEqual(relayed, ['x', 'x'.repeat(20)]);
  });

  it('clears what agents saw, and drops what was still pending', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    const relayed: string[] = [];
    const relay = new DraftRelay(
      (_c, text) => relayed.push(text),
      () => Date.now(),
    );
    relay.update('c1', 'shown');
    relay.update('c1', 'pending');
    relay.clear('c1');
    t.mock.timers.tick(1_000);
    assert.deepEqual(relayed, ['shown', '']);
  });
});
