import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '@candor/protocol';
import { enqueue, fail, pendingFor, retry, sendAnyway, settle, settleMessage, toResend } from './outbox';
import type { Outbox } from './outbox';

function entry(clientKey: string, conversationId = 'c1') {
  return { clientKey, conversationId, body: `body ${clientKey}`, createdAt: 1 };
}

function stored(clientKey: string | null, conversationId = 'c1'): Message {
  return {
    id: 'm1',
    conversationId,
    seq: 7,
    author: { type: 'agent', id: 'a1', name: 'Me' },
    body: 'x',
    clientKey,
    createdAt: 1,
  };
}

const keys = (outbox: Outbox) => outbox.map((e) => e.clientKey);

describe('outbox', () => {
  it('queues replies as sending, in order', () => {
    const box = enqueue(enqueue([], entry('k1')), entry('k2'));
    assert.deepEqual(keys(box), ['k1', 'k2']);
    assert.ok(box.every((e) => e.state === 'sending' && e.error === null));
  });

  it('removes a reply when its ack arrives', () => {
    const box = enqueue(enqueue([], entry('k1')), entry('k2'));
    assert.deepEqual(keys(settle(box, 'k1')), ['k2']);
  });

  it('removes a reply when message.created carries its clientKey', () => {
    const box = enqueue(enqueue([], entry('k1')), entry('k2'));
    assert.deepEqual(keys(settleMessage(box, stored('k2'))), ['k1']);
  });

  it('keeps replies for messages without a key or with a key from another conversation', () => {
    const box = enqueue([], entry('k1'));
    assert.equal(settleMessage(box, stored(null)), box);
    assert.equal(settleMessage(box, stored('k1', 'other')), box);
    assert.equal(settle(box, 'unknown'), box);
  });

  it('marks a refused reply failed with the reason, and retry puts it back to sending', () => {
    let box = fail(enqueue([], entry('k1')), 'k1', 'Too long');
    assert.equal(box[0]?.state, 'failed');
    assert.equal(box[0]?.error, 'Too long');
    box = retry(box, 'k1');
    assert.equal(box[0]?.state, 'sending');
    assert.equal(box[0]?.error, null);
    assert.equal(box[0]?.clientKey, 'k1');
  });

  it('resends only replies still sending after a reconnect', () => {
    const box = fail(enqueue(enqueue([], entry('k1')), entry('k2')), 'k1', 'nope');
    assert.deepEqual(keys(toResend(box)), ['k2']);
  });

  it('lists the replies of one conversation', () => {
    const box = enqueue(enqueue([], entry('k1', 'a')), entry('k2', 'b'));
    assert.deepEqual(keys(pendingFor(box, 'b')), ['k2']);
  });

  it('marks a held reply, sends it anyway acknowledged, and never one that was not held', () => {
    let box = fail(
      fail(enqueue(enqueue([], entry('k1')), entry('k2')), 'k1', 'asks for a code', true),
      'k2',
      'slow',
    );
    assert.equal(box[0]?.held, true);
    assert.equal(box[1]?.held, false);
    box = sendAnyway(box, 'k2');
    assert.equal(box[1]?.state, 'failed');
    box = sendAnyway(box, 'k1');
    assert.deepEqual(
      { state: box[0]?.state, error: box[0]?.error, held: box[0]?.held, acknowledged: box[0]?.acknowledged },
      { state: 'sending', error: null, held: false, acknowledged: true },
    );
    assert.deepEqual(keys(toResend(box)), ['k1']);
  });
});
