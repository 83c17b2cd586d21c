import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadOutbox, saveOutbox } from './outbox';
import { memoryStore } from './storage';

describe('outbox persistence', () => {
  it('reads back what was saved, in order, failures included', () => {
    const store = memoryStore();
    const outbox = [
      { clientKey: 'a', body: 'first', createdAt: 1 },
      { clientKey: 'b', body: 'second', createdAt: 2, failed: 'forbidden' as const },
    ];
    saveOutbox(store, outbox);
    assert.deepEqual(loadOutbox(store), outbox);
  });

  it('removes the stored value once the outbox is empty', () => {
    const store = memoryStore();
    saveOutbox(store, [{ clientKey: 'a', body: 'x', createdAt: 1 }]);
    saveOutbox(store, []);
    assert.equal(store.get('outbox'), null);
  });

  it('drops malformed data instead of failing', () => {
    const store = memoryStore();
    store.set('outbox', '{not json');
    assert.deepEqual(loadOutbox(store), []);
    store.set('outbox', JSON.stringify([{ clientKey: 'a' }, 7, { clientKey: 'b', body: 'ok' }]));
    assert.deepEqual(loadOutbox(store), [{ clientKey: 'b', body: 'ok', createdAt: 0 }]);
  });
});
