/** The NATS bus: the contract against a real NATS, then a private nats-server killed and restarted. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Bus, Envelope } from '../bus';
import type { DomainEvent } from '../../domain/events';
import { describeBusContract, until } from '../bus.contract';
import {
  ChildServer,
  describeIf,
  eventually,
  freePort,
  missingBinary,
  unreachable,
} from '../bus-test-servers';
import { openNatsBus } from './nats-bus';

const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';
const prefix = `candor-test-${randomUUID().slice(0, 8)}`;

const typing = (id: string): DomainEvent => ({
  type: 'typing.changed',
  conversationId: id,
  author: { type: 'visitor', id: 'v1', name: 'Visitor V1' },
  typing: true,
});

/** A node with what it received, its resyncs and the errors it reported. */
async function node(servers: string) {
  const errors: string[] = [];
  const onError = (err: unknown, what: string) => errors.push(`${what}: ${String(err)}`);
  const bus = await openNatsBus({ servers, prefix, onError, reconnectWaitMs: 50 });
  const got: Envelope[] = [];
  const resyncs = { count: 0 };
  bus.onEnvelope((e) => got.push(e));
  bus.onResync?.(() => resyncs.count++);
  return { bus, got, resyncs, errors };
}
const labels = (got: Envelope[]) =>
  got.map((e) => (e.event.type === 'typing.changed' ? e.event.conversationId : ''));

const down = await unreachable(`NATS at ${TEST_NATS_URL}`, () =>
  openNatsBus({ servers: TEST_NATS_URL, prefix, onError: () => undefined }),
);

describeIf('NATS bus', down, () => {
  describeBusContract('nats', () =>
    openNatsBus({ servers: TEST_NATS_URL, prefix, onError: () => undefined }),
  );

  describe('subjects', () => {
    let a: Awaited<ReturnType<typeof node>>;
    before(async () => (a = await node(TEST_NATS_URL)));
    after(() => a.bus.close());

    it('refuses topics that are not plain subject tokens (no wildcards, no extra levels)', async () => {
      for (const topic of ['conversation:*', 'conversation:>', 'conversation:a.b', 'conversation:', 'a b']) {
        await assert.rejects(a.bus.subscribe(topic), /NATS subject/, topic);
        await assert.rejects(a.bus.publish(topic, typing('x')), /NATS subject/, topic);
      }
      assert.equal(a.got.length, 0);
    });

    it('refuses a prefix that is not dot-separated tokens', async () => {
      await assert.rejects(
        openNatsBus({ servers: TEST_NATS_URL, prefix: 'candor.*', onError: () => undefined }),
      );
    });
  });

  describeIf('when NATS restarts', missingBinary(NATS_SERVER), () => {
    let server: ChildServer;
    const opened: Bus[] = [];
    before(async () => {
      const port = await freePort();
      server = new ChildServer(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port)], port);
      await server.start();
    });
    after(async () => {
      await Promise.all(opened.map((b) => b.close()));
      await server?.stop();
    });

    it('rejects while down, keeps wanted topics, heals when back, never crashes', async () => {
      const url = `nats://127.0.0.1:${server.port}`;
      const [a, b] = [await node(url), await node(url)];
      opened.push(a.bus, b.bus);
      await b.bus.subscribe('conversation:r1');
      await server.stop();
      await until(() => a.errors.length > 0 && b.errors.length > 0, 'the drop reported on both nodes');
      await assert.rejects(a.bus.publish('conversation:r1', typing('r1-lost')));
      await assert.rejects(b.bus.subscribe('conversation:r2'), 'subscribe cannot be confirmed while down');
      await server.start();
      await until(() => b.resyncs.count === 1 && a.resyncs.count === 1, 'onResync on both nodes');
      await eventually(() => a.bus.publish('conversation:r1', typing('r1-back')), 'publish from node A');
      await a.bus.publish('conversation:r2', typing('r2-back'));
      await until(() => b.got.length >= 2, 'both events on node B');
      assert.deepEqual(labels(b.got), ['r1-back', 'r2-back']);
      assert.deepEqual(b.errors, [`nats bus: Error: nats bus lost 127.0.0.1:${server.port}`]);
    });
  });
});
