import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DomainEvent } from '../domain/events';
import { SearchIndexer } from './search-indexer';

const created = { type: 'message.created' } as DomainEvent;
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('search indexer', () => {
  it('drains the queue once for a burst of messages, until it is empty', async () => {
    let queued = 2_500;
    const calls: number[] = [];
    const store = {
      indexPendingMessages: (limit: number) => {
        const n = Math.min(limit, queued);
        queued -= n;
        calls.push(n);
        return Promise.resolve(n);
      },
    };
    const indexer = new SearchIndexer(store, assert.fail, 10);
    for (let i = 0; i < 50; i++) indexer.onEvent(created);
    await until(() => queued === 0 && calls.length === 3);
    assert.deepEqual(calls, [1_000, 1_000, 500]);
    indexer.onEvent({ type: 'typing.changed' } as DomainEvent);
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(calls.length, 3, 'only new messages start a drain');
    await indexer.stop();
  });

  it('reports a failed drain and tries again on the next message', async () => {
    const errors: unknown[] = [];
    let fail = true;
    let indexed = 0;
    const store = {
      indexPendingMessages: () => {
        if (fail) return Promise.reject(new Error('down'));
        indexed += 1;
        return Promise.resolve(1);
      },
    };
    const indexer = new SearchIndexer(store, (err) => errors.push(err), 1);
    indexer.onEvent(created);
    await until(() => errors.length === 1);
    fail = false;
    indexer.onEvent(created);
    await until(() => indexed === 1);
    assert.equal(indexed, 1);
    await indexer.stop();
  });
});
