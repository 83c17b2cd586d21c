import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { highlightParts } from './highlight-parts';
import { searchParams, EMPTY_SEARCH } from './search-request';

describe('search highlights', () => {
  it('cuts a snippet into plain and marked parts', () => {
    assert.deepEqual(highlightParts('un colis remboursé', [{ start: 3, end: 8 }]), [
      { text: 'un ', marked: false },
      { text: 'colis', marked: true },
      { text: ' remboursé', marked: false },
    ]);
  });

  it('keeps markup as text and never trusts ranges out of bounds or overlapping', () => {
    const text = '<img src=x onerror=alert(1)> colis';
    const parts = highlightParts(text, [
      { start: 29, end: 34 },
      { start: 30, end: 32 },
      { start: 50, end: 60 },
      { start: -5, end: 2 },
    ]);
    assert.equal(parts.map((p) => p.text).join(''), text, 'every character once, in order');
    assert.deepEqual(
      parts.filter((p) => p.marked).map((p) => p.text),
      ['colis'],
    );
  });
});

describe('search request', () => {
  it('is null until there is something to search for', () => {
    assert.equal(searchParams({ ...EMPTY_SEARCH, q: '   ' }), null);
  });

  it('sends the filters that are set, with local days as instants', () => {
    const params = searchParams({
      q: ' colis ',
      status: 'resolved',
      assigneeId: 'none',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    assert.equal(params?.get('q'), 'colis');
    assert.equal(params?.get('status'), 'resolved');
    assert.equal(params?.get('assigneeId'), 'none');
    assert.equal(params?.get('from'), new Date(2026, 10, 1).toISOString());
    assert.equal(params?.get('to'), new Date(2026, 11, 1).toISOString(), 'the end of the last day');
    const next = searchParams({ ...EMPTY_SEARCH, q: 'x1', from: 'garbage' }, 'abc');
    assert.deepEqual([...(next?.keys() ?? [])], ['q', 'cursor']);
  });
});
