import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '@candor/protocol';
import { ConversationFeed } from './conversation-feed';

const msg = (seq: number): Message => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  author: { type: 'visitor', id: 'v1', name: 'V' },
  body: `body ${seq}`,
  clientKey: null,
  createdAt: 0,
});

function feed(afterSeq: number, stored: Message[] = []) {
  const sent: number[] = [];
  const f = new ConversationFeed(
    afterSeq,
    (text) => sent.push((JSON.parse(text) as { message: Message }).message.seq),
    (seq) => Promise.resolve(stored.filter((m) => m.seq > seq)),
    () => undefined,
  );
  const live = (seq: number) =>
    f.live(msg(seq), JSON.stringify({ type: 'message.created', message: msg(seq) }));
  return { f, sent, live };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('a conversation feed', () => {
  it('holds live messages during a replay and sends only those past it', () => {
    const { f, sent, live } = feed(0);
    live(3);
    live(4);
    f.replayed(3, true); // the history page already held 1..3
    assert.deepEqual(sent, [4]);
  });

  it('drops duplicates and messages already delivered', () => {
    const { f, sent, live } = feed(0);
    f.replayed(2, true);
    live(2);
    live(3);
    live(3);
    assert.deepEqual(sent, [3]);
  });

  it('fills a gap from the store before going on', async () => {
    const { f, sent, live } = feed(0, [msg(1), msg(2), msg(3), msg(4)]);
    f.replayed(1, true);
    live(4); // 2 and 3 were lost on the way
    await tick();
    assert.deepEqual(sent, [2, 3, 4]);
  });

  it('moves on rather than loop when the store cannot fill a gap', async () => {
    const { f, sent, live } = feed(0, []);
    f.replayed(1, true);
    live(5);
    await tick();
    assert.deepEqual(sent, [5]);
  });

  it('stays quiet after an incomplete page until the client asks for the next', () => {
    const { f, sent, live } = feed(0);
    f.replayed(200, false);
    live(300);
    assert.deepEqual(sent, []);
  });
});
