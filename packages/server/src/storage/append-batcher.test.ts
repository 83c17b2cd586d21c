import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppendBatcher, type Settled } from './append-batcher';

/** A write whose commits the test releases one at a time, recording each batch it was given. */
function controlledWrite() {
  const batches: number[][] = [];
  const commits: (() => void)[] = [];
  const write = (batch: readonly number[]) => {
    batches.push([...batch]);
    return new Promise<Settled<string>[]>((resolve) => {
      commits.push(() => resolve(batch.map((n) => ({ ok: true, value: `stored ${n}` }))));
    });
  };
  const commit = async () => {
    for (let spins = 0; commits.length === 0; spins++) {
      if (spins > 1000) assert.fail('no write is waiting to commit');
      await new Promise((r) => setImmediate(r));
    }
    commits.shift()?.();
  };
  return { write, batches, commit };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('AppendBatcher', () => {
  it('writes a lone request at once, and answers only after its commit', async () => {
    const { write, batches, commit } = controlledWrite();
    const batcher = new AppendBatcher(write);
    let answered = false;
    const sent = batcher.submit(1).then((v) => ((answered = true), v));
    await tick();
    assert.deepEqual(batches, [[1]]);
    assert.equal(answered, false);
    await commit();
    assert.equal(await sent, 'stored 1');
  });

  it('puts requests from separate callbacks of one event-loop turn (frames of several sockets) in one batch', async () => {
    const batches: number[][] = [];
    // A synchronous store (SQLite) commits inside write itself, before any other callback can run.
    const syncWrite = (batch: readonly number[]) => {
      batches.push([...batch]);
      return Promise.resolve(batch.map((n): Settled<string> => ({ ok: true, value: `stored ${n}` })));
    };
    const batcher = new AppendBatcher(syncWrite);
    // Immediates queued together run in one check phase with microtasks between them, as sockets'
    // reads run in one poll phase. (Three zero-delay timers did not always fall due in one phase.)
    const sent = await new Promise<Promise<string>[]>((resolve) => {
      const all: Promise<string>[] = [];
      for (const n of [1, 2, 3]) setImmediate(() => all.push(batcher.submit(n)));
      setImmediate(() => resolve(all));
    });
    assert.deepEqual(await Promise.all(sent), ['stored 1', 'stored 2', 'stored 3']);
    assert.deepEqual(batches, [[1, 2, 3]]);
  });

  it('groups what arrives during a commit into the next one, in arrival order, at most maxBatch', async () => {
    const { write, batches, commit } = controlledWrite();
    const batcher = new AppendBatcher(write, 3);
    const sent = [batcher.submit(1)];
    await tick();
    sent.push(...[2, 3, 4, 5, 6, 7].map((n) => batcher.submit(n)));
    for (let i = 0; i < 3; i++) await commit();
    assert.deepEqual(
      await Promise.all(sent),
      [1, 2, 3, 4, 5, 6, 7].map((n) => `stored ${n}`),
    );
    assert.deepEqual(batches, [[1], [2, 3, 4], [5, 6, 7]]);
  });

  it('puts requests submitted in one synchronous run into one batch', async () => {
    const { write, batches, commit } = controlledWrite();
    const batcher = new AppendBatcher(write);
    const sent = [1, 2, 3].map((n) => batcher.submit(n));
    await commit();
    await Promise.all(sent);
    assert.deepEqual(batches, [[1, 2, 3]]);
  });

  it('rejects one request alone when only it failed', async () => {
    const batcher = new AppendBatcher<number, number>((batch) =>
      Promise.resolve(
        batch.map((n) => (n === 2 ? { ok: false, error: new Error('no') } : { ok: true, value: n })),
      ),
    );
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => batcher.submit(n)));
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
  });

  it('rejects the whole batch when its write fails, and goes on with the next', async () => {
    let calls = 0;
    const batcher = new AppendBatcher<number, number>((batch) =>
      ++calls === 1
        ? Promise.reject(new Error('commit lost'))
        : Promise.resolve(batch.map((n) => ({ ok: true, value: n }))),
    );
    const first = [1, 2].map((n) => batcher.submit(n));
    await assert.rejects(first[0] as Promise<number>, /commit lost/);
    await assert.rejects(first[1] as Promise<number>, /commit lost/);
    assert.equal(await batcher.submit(3), 3);
  });

  it('idle() waits until everything submitted has settled', async () => {
    const { write, commit } = controlledWrite();
    const batcher = new AppendBatcher(write);
    const sent = batcher.submit(1);
    let idle = false;
    const waiting = batcher.idle().then(() => (idle = true));
    await tick();
    assert.equal(idle, false);
    await commit();
    await waiting;
    assert.equal(await sent, 'stored 1');
    await batcher.idle();
  });
});
