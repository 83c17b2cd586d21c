/**
 * Found by the fault runs: when the store read that heals a gap failed (PostgreSQL restarting, or its
 * pool exhausted by every feed of the node healing at once after a bus resync), the feed gave up on
 * the gap for good, and the agent's live view kept a hole until it subscribed again. The feed now
 * keeps holding and retries the read with backoff; heal reads share a bounded slice of the pool.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '@candor/protocol';
import { ConversationFeed } from '../realtime/conversation-feed';

const msg = (seq: number): Message => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  author: { type: 'visitor', id: 'v1', name: 'V' },
  body: `body ${seq}`,
  clientKey: null,
  createdAt: 0,
});

/** A feed over a store that can be switched off; `sent` lists the seqs the client got. */
function feedOverFlakyStore(stored: Message[]) {
  const store = { up: true };
  const sent: number[] = [];
  const feed = new ConversationFeed(
    0,
    (text) => sent.push((JSON.parse(text) as { message: Message }).message.seq),
    (after) =>
      store.up
        ? Promise.resolve(stored.filter((m) => m.seq > after))
        : Promise.reject(new Error('unavailable')),
    () => undefined,
  );
  const live = (seq: number) =>
    feed.live(msg(seq), JSON.stringify({ type: 'message.created', message: msg(seq) }));
  return { feed, store, sent, live };
}

async function eventually(check: () => void, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe('a conversation feed whose heal read fails', () => {
  it('still delivers the missing message when it arrives late over the bus', async () => {
    const { feed, store, sent, live } = feedOverFlakyStore([msg(1), msg(2), msg(3)]);
    feed.replayed(1, true);
    store.up = false;
    live(3); // 2 is still on its way from the other node; the heal read fails
    await new Promise((r) => setImmediate(r));
    live(2);
    store.up = true;
    await eventually(() => assert.deepEqual([...sent].sort(), [2, 3]));
  });

  it('reads what the bus lost once the store is back, without waiting for another message', async () => {
    const { feed, store, sent } = feedOverFlakyStore([msg(1), msg(2)]);
    feed.replayed(1, true);
    store.up = false;
    feed.resync(); // the bus came back; 2 was published while it was down
    await new Promise((r) => setImmediate(r));
    store.up = true;
    await eventually(() => assert.deepEqual(sent, [2]));
  });
});
