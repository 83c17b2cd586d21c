import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_SEARCH, searchParams } from './search-request';

describe('search request', () => {
  it('carries the list’s tag and team filters to the search', () => {
    const params = searchParams({ ...EMPTY_SEARCH, q: 'refund' }, undefined, {
      tag: 'vip',
      teamId: 't-billing',
    });
    assert.equal(params?.get('tag'), 'vip');
    assert.equal(params?.get('team'), 't-billing');
  });

  it('leaves them out when none is chosen, and keeps them on the next page', () => {
    const plain = searchParams({ ...EMPTY_SEARCH, q: 'refund' }, undefined, { tag: null, teamId: null });
    assert.equal(plain?.has('tag'), false);
    assert.equal(plain?.has('team'), false);
    const next = searchParams({ ...EMPTY_SEARCH, q: 'refund' }, 'cur', { teamId: 't1' });
    assert.equal(next?.get('cursor'), 'cur');
    assert.equal(next?.get('team'), 't1');
  });
});
