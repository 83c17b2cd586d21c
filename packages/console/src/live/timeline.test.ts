import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '@candor/protocol';
import { applyHistory, applyMessage, emptyTimeline, mergeMessages } from './timeline';

function msg(seq: number, body = `m${seq}`): Message {
  return {
    id: `id-${seq}`,
    conversationId: 'c1',
    seq,
    author: { type: 'visitor', id: 'v1', name: 'Ada' },
    body,
    clientKey: null,
    createdAt: seq * 1000,
  };
}
const seqs = (messages: readonly Message[]) => messages.map((m) => m.seq);

describe('merge by seq', () => {
  it('appends a newer message', () => {
    assert.deepEqual(seqs(mergeMessages([msg(1), msg(2)], [msg(3)])), [1, 2, 3]);
  });

  it('drops duplicates, keeping the copy already held', () => {
    const merged = mergeMessages([msg(1), msg(2, 'held')], [msg(2, 'again'), msg(2, 'and again')]);
    assert.deepEqual(seqs(merged), [1, 2]);
    assert.equal(merged[1]?.body, 'held');
  });

  it('sorts messages that arrive out of order', () => {
    assert.deepEqual(seqs(mergeMessages([msg(1), msg(4)], [msg(3), msg(2)])), [1, 2, 3, 4]);
    assert.deepEqual(seqs(mergeMessages([], [msg(5), msg(1), msg(3)])), [1, 3, 5]);
  });

  it('absorbs a replay that overlaps what is held', () => {
    const held = [msg(1), msg(2), msg(3)];
    assert.deepEqual(seqs(mergeMessages(held, [msg(2), msg(3), msg(4), msg(5)])), [1, 2, 3, 4, 5]);
  });

  it('returns the same array when nothing new arrives', () => {
    const held = [msg(1)];
    assert.equal(mergeMessages(held, []), held);
  });
});

describe('history and the gap-free mark', () => {
  it('advances the resume point to the last seq of each history page', () => {
    let tl = applyHistory(emptyTimeline, [msg(1), msg(2)], false);
    assert.equal(tl.syncedSeq, 2);
    assert.equal(tl.loaded, false);
    tl = applyHistory(tl, [msg(3)], true);
    assert.equal(tl.syncedSeq, 3);
    assert.equal(tl.loaded, true);
  });

  it('advances on live messages while subscribed', () => {
    const tl = applyMessage(applyHistory(emptyTimeline, [msg(1)], true), msg(2), true);
    assert.equal(tl.syncedSeq, 2);
  });

  it('shows an acked message but does not resume after it while not streaming, so a gap is refetched', () => {
    const tl = applyMessage(applyHistory(emptyTimeline, [msg(1)], true), msg(5), false);
    assert.deepEqual(seqs(tl.messages), [1, 5]);
    assert.equal(tl.syncedSeq, 1);
    const filled = applyHistory(tl, [msg(2), msg(3), msg(4), msg(5)], true);
    assert.deepEqual(seqs(filled.messages), [1, 2, 3, 4, 5]);
    assert.equal(filled.syncedSeq, 5);
  });

  it('an empty complete history marks the timeline loaded without moving the mark', () => {
    const tl = applyHistory(emptyTimeline, [], true);
    assert.equal(tl.loaded, true);
    assert.equal(tl.syncedSeq, 0);
  });

  it('keeps the same timeline object for a duplicate live message', () => {
    const tl = applyHistory(emptyTimeline, [msg(1), msg(2)], true);
    assert.equal(applyMessage(tl, msg(2), true), tl);
  });
});
