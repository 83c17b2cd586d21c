/** The Redis bus: the contract against a real Redis, then connections killed and Redis restarted. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { Redis } from 'ioredis';
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
import { openRedisBus } from './redis-bus';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? 'redis-server';
const prefix = `candor-test-${randomUUID().slice(0, 8)}`;

const typing = (id: string): DomainEvent => ({
  type: 'typing.changed',
  conversationId: id,
  author: { type: 'visitor', id: 'v1', name: 'Visitor V1' },
  typing: true,
});

/** A node with what it received, its resyncs and the errors it reported. */
async function node(url: string) {
  const errors: string[] = [];
  const bus = await openRedisBus({
    url,
    prefix,
    onError: (err, what) => errors.push(`${what}: ${String(err)}`),
  });
  const got: Envelope[] = [];
  const resyncs = { count: 0 };
  bus.onEnvelope((e) => got.push(e));
  bus.onResync?.(() => resyncs.count++);
  return { bus, got, resyncs, errors };
}
const labels = (got: Envelope[]) =>
  got.map((e) => (e.event.type === 'typing.changed' ? e.event.conversationId : ''));

const down = await unreachable(`Redis at ${TEST_REDIS_URL}`, () =>
  openRedisBus({ url: TEST_REDIS_URL, prefix, onError: () => undefined }),
);

describeIf('Redis bus', down, () => {
  describeBusContract('redis', () => openRedisBus({ url: TEST_REDIS_URL, prefix, onError: () => undefined }));

  describe('when the server kills its connections', () => {
    const opened: Bus[] = [];
    const admin = new Redis(TEST_REDIS_URL, { lazyConnect: true });
    after(async () => {
      await Promise.all(opened.map((b) => b.close()));
      admin.disconnect();
    });

    /** CLIENT KILL by id, of this run's connections only: the Redis is shared with other runs. */
    async function kill(names: string[]): Promise<number> {
      const list = String(await admin.call('CLIENT', 'LIST'));
      const ids = list
        .split('\n')
        .filter((line) => names.some((n) => line.includes(` name=${n} `)))
        .map((line) => /^id=(\d+)/.exec(line)?.[1] ?? '');
      for (const id of ids) await admin.call('CLIENT', 'KILL', 'ID', id);
      return ids.length;
    }

    it('subscribes again, fires onResync, and delivers as before', async () => {
      const [a, b] = [await node(TEST_REDIS_URL), await node(TEST_REDIS_URL)];
      opened.push(a.bus, b.bus);
      await b.bus.subscribe('conversation:k1');
      assert.equal(await kill([`${prefix}:sub:${b.bus.nodeId}`, `${prefix}:pub:${a.bus.nodeId}`]), 2);
      await until(() => b.resyncs.count === 1, 'onResync on node B');
      await eventually(() => a.bus.publish('conversation:k1', typing('k1-after')), 'publish from node A');
      await until(() => b.got.length === 1, 'the event on node B');
      assert.deepEqual(labels(b.got), ['k1-after']);
      assert.equal(a.resyncs.count, 0, 'only a subscriber that came back resyncs');
      assert.ok(
        b.errors.some((e) => e.startsWith('redis bus sub')),
        'the drop is reported',
      );
    });
  });

  describeIf('when Redis restarts', missingBinary(REDIS_SERVER), () => {
    let server: ChildServer;
    const opened: Bus[] = [];
    before(async () => {
      const port = await freePort();
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
      server = new ChildServer(REDIS_SERVER, [...args, '--dir', tmpdir()], port);
      await server.start();
    });
    after(async () => {
      await Promise.all(opened.map((b) => b.close()));
      await server?.stop();
    });

    it('rejects while down, keeps wanted topics, heals when back, never crashes', async () => {
      const url = `redis://127.0.0.1:${server.port}`;
      const [a, b] = [await node(url), await node(url)];
      opened.push(a.bus, b.bus);
      await b.bus.subscribe('conversation:r1');
      await server.stop();
      await until(() => a.errors.some((e) => e.startsWith('redis bus pub')), 'the drop reported on node A');
      await until(() => b.errors.some((e) => e.startsWith('redis bus sub')), 'the drop reported on node B');
      await assert.rejects(a.bus.publish('conversation:r1', typing('r1-lost')));
      await assert.rejects(b.bus.subscribe('conversation:r2'), 'subscribe cannot be confirmed while down');
      await server.start();
      await until(() => b.resyncs.count === 1, 'onResync on node B');
      await eventually(() => a.bus.publish('conversation:r1', typing('r1-back')), 'publish from node A');
      await a.bus.publish('conversation:r2', typing('r2-back'));
      await until(() => b.got.length >= 2, 'both events on node B');
      assert.deepEqual(labels(b.got), ['r1-back', 'r2-back']);
      assert.equal(b.errors.length, 2, `one report per connection per outage, got ${b.errors.join('; ')}`);
    });
  });
});
