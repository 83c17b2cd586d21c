/** The contract every Bus passes. Multi-node implementations add cross-node cases with two instances. */
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

export function describeBusContract(name: string, open: () => Promise<Bus>): void {
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
  });
}
