import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { conversation, message } from './fake-server';
import * as tl from './timeline';

const seqs = (t: tl.Timeline) => t.messages.map((m) => m.seq);
const inC1 = () => tl.adopt(tl.emptyTimeline(), 'c1');
const entry = (clientKey: string): tl.OutboxEntry => ({ clientKey, body: clientKey, createdAt: 0 });

describe('timeline: merging messages by seq', () => {
  it('orders messages that arrive out of order', () => {
    const t = tl.receive(inC1(), [message(3), message(1), message(2)]);
    assert.deepEqual(seqs(t), [1, 2, 3]);
  });

  it('keeps one copy of a message received twice', () => {
    let t = tl.receive(inC1(), [message(1), message(2)]);
    t = tl.receive(t, [message(2)]);
    assert.deepEqual(seqs(t), [1, 2]);
  });

  it('merges a replay that overlaps messages already received live', () => {
    let t = tl.receive(inC1(), [message(4), message(5)]);
    t = tl.receive(t, [message(2), message(3), message(4)]);
    assert.deepEqual(seqs(t), [2, 3, 4, 5]);
    assert.equal(t.syncedSeq, 5);
  });

  it('ignores messages of another conversation', () => {
    const t = tl.receive(inC1(), [message(1, { conversationId: 'c2' })]);
    assert.deepEqual(seqs(t), []);
    assert.equal(t.syncedSeq, 0);
  });

  it('does not resume after a seq known only from an ack', () => {
    let t = tl.receive(inC1(), [message(1)]);
    t = tl.acknowledge(tl.enqueue(t, entry('k')), 'k', message(3, { clientKey: 'k' }));
    assert.deepEqual(seqs(t), [1, 3]);
    assert.equal(t.syncedSeq, 1);
  });

  it('forgets the previous conversation when adopting another but keeps the outbox', () => {
    let t = tl.enqueue(tl.receive(inC1(), [message(1)]), entry('k'));
    t = tl.adopt(t, 'c2');
    assert.deepEqual(seqs(t), []);
    assert.equal(t.syncedSeq, 0);
    assert.deepEqual(
      t.outbox.map((e) => e.clientKey),
      ['k'],
    );
  });
});

describe('timeline: outbox', () => {
  it('sends entries in the order they were typed', () => {
    const t = tl.enqueue(tl.enqueue(tl.emptyTimeline(), entry('a')), entry('b'));
    assert.equal(tl.nextToSend(t)?.clientKey, 'a');
    assert.equal(tl.nextToSend(tl.acknowledge(t, 'a'))?.clientKey, 'b');
  });

  it('removes an entry when its ack arrives and shows the stored message', () => {
    const t = tl.acknowledge(tl.enqueue(inC1(), entry('a')), 'a', message(1, { clientKey: 'a' }));
    assert.deepEqual(t.outbox, []);
    assert.deepEqual(
      tl.items(t).map((i) => [i.key, i.state, i.seq]),
      [['a', 'sent', 1]],
    );
  });

  it('removes an entry when a message with its client key arrives', () => {
    const t = tl.receive(tl.enqueue(inC1(), entry('a')), [message(1, { clientKey: 'a' })]);
    assert.deepEqual(t.outbox, []);
  });

  it('removes an entry stored in a conversation not shown yet', () => {
    const t = tl.receive(tl.enqueue(tl.emptyTimeline(), entry('a')), [message(1, { clientKey: 'a' })]);
    assert.deepEqual(t.outbox, []);
  });

  it('skips a failed entry so later ones are still sent, and retries it on demand', () => {
    let t = tl.enqueue(tl.enqueue(tl.emptyTimeline(), entry('a')), entry('b'));
    t = tl.markFailed(t, 'a', 'forbidden');
    assert.equal(tl.nextToSend(t)?.clientKey, 'b');
    assert.deepEqual(
      tl.items(t).map((i) => i.state),
      ['failed', 'sending'],
    );
    t = tl.markRetry(t, 'a');
    assert.equal(tl.nextToSend(t)?.clientKey, 'a');
    assert.equal(t.outbox[0]?.failed, undefined);
  });

  it('lists pending entries after stored messages, keyed by client key', () => {
    const t = tl.enqueue(tl.receive(inC1(), [message(1)]), entry('a'));
    assert.deepEqual(
      tl.items(t).map((i) => [i.key, i.state]),
      [
        ['s1', 'sent'],
        ['a', 'sending'],
      ],
    );
  });
});

describe('timeline: read receipts', () => {
  const visitorSays = (seq: number) =>
    message(seq, { author: { type: 'visitor', id: 'v1', name: 'Visitor 1' }, clientKey: `k${seq}` });
  const seenKeys = (t: tl.Timeline) => tl.items(t).flatMap((i) => (i.seen ? [i.key] : []));

  it("marks only the visitor's last message an agent has read", () => {
    let t = tl.receive(inC1(), [visitorSays(1), visitorSays(2), message(3), visitorSays(4)]);
    assert.deepEqual(seenKeys(t), []);
    t = tl.seen(t, 'c1', 3);
    assert.deepEqual(seenKeys(t), ['k2']);
    t = tl.seen(t, 'c1', 4);
    assert.deepEqual(seenKeys(t), ['k4']);
  });

  it('never moves back, and ignores receipts of another conversation', () => {
    let t = tl.receive(inC1(), [visitorSays(1), visitorSays(2)]);
    t = tl.seen(t, 'c1', 2);
    assert.equal(tl.seen(t, 'c1', 1).seenSeq, 2);
    assert.equal(tl.seen(t, 'c2', 9).seenSeq, 2);
    assert.equal(tl.seen(t, 'c1', undefined), t);
  });

  it('takes the receipt a conversation view carries (after a reload), and starts afresh on another conversation', () => {
    const t = tl.receive(inC1(), [visitorSays(1)], conversation('c1', { seenSeq: 1 }));
    assert.deepEqual(seenKeys(t), ['k1']);
    assert.equal(tl.adopt(t, 'c2').seenSeq, 0);
  });

  it('gives every row its time: stored, or typed while sending', () => {
    let t = tl.receive(inC1(), [message(1)]);
    t = tl.enqueue(t, { clientKey: 'x', body: 'x', createdAt: 42 });
    assert.deepEqual(
      tl.items(t).map((i) => i.at),
      [1001, 42],
    );
  });
});

describe('timeline: the bot', () => {
  const bot = (seq: number, extra: Partial<Parameters<typeof message>[1]> = {}) =>
    message(seq, { author: { type: 'bot', id: null, name: 'Automated assistant' }, ...extra });
  const article = { id: 'a1', title: 'Refunds', url: '/help/en/refunds' };

  it('is active before its first answer when the inbox has it, and not otherwise', () => {
    assert.equal(tl.botActive(inC1(), true), true);
    assert.equal(
      tl.botActive(tl.receive(inC1(), [message(1)]), true),
      true,
      'the first question is on its way',
    );
    assert.equal(tl.botActive(inC1(), false), false);
  });

  it('asks Yes or No on its latest answer only, and stops once it handed over', () => {
    let t = tl.receive(inC1(), [message(1), bot(2, { articles: [article], botActive: true })]);
    assert.equal(tl.botActive(t, true), true);
    assert.deepEqual(
      tl.items(t).map((i) => i.ask ?? false),
      [false, true],
    );
    assert.deepEqual(tl.items(t)[1]?.articles, [article]);
    t = tl.receive(t, [bot(3, { botActive: false })]);
    assert.equal(tl.botActive(t, true), false);
    assert.deepEqual(
      tl.items(t).map((i) => i.ask ?? false),
      [false, false, false],
    );
  });
});
