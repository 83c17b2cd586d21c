/**
 * The contract every Bus passes. The cross-node cases open two instances (two nodes on one transport);
 * `open` must give nodes that see each other, e.g. one per-run prefix.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Bus, Envelope } from './bus';
import type { DomainEvent } from '../domain/events';

const typing = (conversationId: string): DomainEvent => ({
  type: 'typing.changed',
  conversationId,
  author: { type: 'visitor', id: 'v1', name: 'Visitor V1' },
  typing: true,
});

export interface BusContractOptions {
  /** Why the cross-node cases do not apply, e.g. 'one process'. */
  singleNode?: string;
}

const label = (e: Envelope) => (e.event.type === 'typing.changed' ? e.event.conversationId : e.event.type);

/** Polls until `done()`, failing after `ms`: delivery across nodes takes a round trip, not a sleep. */
export async function until(done: () => boolean, what: string, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function describeBusContract(
  name: string,
  open: () => Promise<Bus>,
  options: BusContractOptions = {},
): void {
  describe(`Bus contract: ${name}`, () => {
    const opened: Bus[] = [];
    const fresh = async () => {
      const bus = await open();
      opened.push(bus);
      const got: Envelope[] = [];
      bus.onEnvelope((e) => got.push(e));
      return { bus, got };
    };
    after(async () => Promise.all(opened.map((b) => b.close())));

    it('delivers an event published on a subscribed topic, stamped with this node', async () => {
      const { bus, got } = await fresh();
      await bus.subscribe('conversation:c1');
      await bus.publish('conversation:c1', typing('c1'));
      assert.equal(got.length, 1);
      assert.equal(got[0]?.origin, bus.nodeId);
      assert.equal(got[0]?.topic, 'conversation:c1');
    });

    it('delivers nothing for topics it is not subscribed to, or no longer', async () => {
      const { bus, got } = await fresh();
      await bus.publish('conversation:c2', typing('c2'));
      await bus.subscribe('conversation:c2');
      await bus.unsubscribe('conversation:c2');
      await bus.publish('conversation:c2', typing('c2'));
      assert.equal(got.length, 0);
    });

    it('keeps publish order within a topic', async () => {
      const { bus, got } = await fresh();
      await bus.subscribe('conversation:c3');
      for (let i = 0; i < 20; i++) await bus.publish('conversation:c3', typing(`c3-${i}`));
      assert.deepEqual(
        got.map((e) => (e.event.type === 'typing.changed' ? e.event.conversationId : '')),
        Array.from({ length: 20 }, (_, i) => `c3-${i}`),
      );
    });

    describe('across nodes', { skip: options.singleNode }, () => {
      it('reaches another node that subscribed, never one that did not', async () => {
        const [a, b] = [await fresh(), await fresh()];
        await b.bus.subscribe('conversation:x1');
        await a.bus.publish('conversation:x1', typing('x1-first'));
        await until(() => b.got.length === 1, 'the event on node B');
        assert.equal(b.got[0]?.origin, a.bus.nodeId);
        assert.equal(b.got[0]?.topic, 'conversation:x1');
        await a.bus.publish('conversation:x2', typing('x2-unwatched'));
        await a.bus.publish('conversation:x1', typing('x1-marker'));
        await until(() => b.got.length >= 2, 'the marker on node B');
        assert.deepEqual(b.got.map(label), ['x1-first', 'x1-marker']);
      });

      it('gives a node its own event once: locally, never the echo', async () => {
        const [a, b] = [await fresh(), await fresh()];
        await a.bus.subscribe('conversation:x3');
        await b.bus.subscribe('conversation:x3');
        await a.bus.publish('conversation:x3', typing('x3-from-a'));
        assert.deepEqual(a.got.map(label), ['x3-from-a'], 'delivered locally before publish resolves');
        await until(() => b.got.length === 1, 'the event on node B');
        await b.bus.publish('conversation:x3', typing('x3-from-b'));
        await until(() => a.got.length >= 2, "B's reply on node A"); // A's echo would have come first
        assert.deepEqual(a.got.map(label), ['x3-from-a', 'x3-from-b']);
        assert.deepEqual(
          a.got.map((e) => e.origin),
          [a.bus.nodeId, b.bus.nodeId],
        );
      });

      it('keeps publish order within a topic across nodes', async () => {
        const [a, b] = [await fresh(), await fresh()];
        await b.bus.subscribe('conversation:x4');
        const sent = Array.from({ length: 50 }, (_, i) => `x4-${i}`);
        await Promise.all(sent.map((id) => a.bus.publish('conversation:x4', typing(id))));
        await until(() => b.got.length >= sent.length, 'all 50 events on node B');
        assert.deepEqual(b.got.map(label), sent);
      });

      it('stops delivery to a node that unsubscribed', async () => {
        const [a, b] = [await fresh(), await fresh()];
        await b.bus.subscribe('conversation:x5');
        await b.bus.subscribe('conversation:x6');
        await a.bus.publish('conversation:x5', typing('x5-before'));
        await until(() => b.got.length === 1, 'the first event on node B');
        await b.bus.unsubscribe('conversation:x5');
        await a.bus.publish('conversation:x5', typing('x5-after'));
        await a.bus.publish('conversation:x6', typing('x6-marker'));
        await until(() => b.got.length >= 2, 'the marker on node B');
        assert.deepEqual(b.got.map(label), ['x5-before', 'x6-marker']);
      });

      it('carries a large event (16 KB, not only ASCII) intact', async () => {
        const [a, b] = [await fresh(), await fresh()];
        await b.bus.subscribe('conversation:x7');
        const event: DomainEvent = {
          type: 'typing.changed',
          conversationId: 'x7',
          author: { type: 'agent', id: 'a1', name: 'Zoé 🙂 '.repeat(1_600) }, // 16,000 bytes of UTF-8
          typing: false,
        };
        await a.bus.publish('conversation:x7', event);
        await until(() => b.got.length === 1, 'the large event on node B');
        assert.deepEqual(b.got[0]?.event, event);
      });
    });
  });
}
