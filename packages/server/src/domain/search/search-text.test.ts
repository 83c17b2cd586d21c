import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors';
import { decodeCursor, encodeCursor } from './search-cursor';
import { matchRanges, snippetOf } from './search-highlight';
import { parseSearchQuery, SEARCH_LIMITS } from './search-query';
import { indexTerms, wordsOf } from './search-terms';

/** Whether a stored text is found by a query, as the stores decide it: every query word shares a term. */
const finds = (text: string, q: string) => {
  const stored = new Set(indexTerms(text));
  return parseSearchQuery(q).words.every((stems) => stems.some((s) => stored.has(s)));
};

describe('search terms', () => {
  it('finds French inflections, with or without accents', () => {
    for (const q of ['rembourser', 'remboursé', 'remboursee', 'REMBOURSEMENT', 'rembourse'])
      assert.ok(finds('Je voudrais être remboursée', q), q);
    assert.ok(finds('Élève', 'eleve'));
    assert.ok(finds('été', 'ete'));
    assert.ok(finds("l'œuvre", 'oeuvre'));
    assert.ok(finds('colis', 'colis'));
    assert.equal(finds('colis', 'rembourser'), false);
  });

  it('finds English inflections', () => {
    assert.ok(finds('I was refunded', 'refund'));
    assert.ok(finds('refunding now', 'refunded'));
    assert.ok(finds('shipping', 'shipped'));
  });

  it('does not let a short stem of one language match a common word of the other', () => {
    assert.equal(finds('et voilà', 'été'), false);
  });

  it('skips one-letter words and runs too long to be words', () => {
    assert.deepEqual(
      wordsOf(`l'argent ${'x'.repeat(41)} ok`).map((w) => w.folded),
      ['argent', 'ok'],
    );
  });

  it('keeps the offsets of the text as written, combining accents included', () => {
    const text = 'Cafe\u0301 noir';
    assert.deepEqual(
      wordsOf(text).map((w) => text.slice(w.start, w.end)),
      ['Cafe\u0301', 'noir'],
    );
  });
});

describe('search query', () => {
  it('needs a word and refuses long queries', () => {
    assert.throws(() => parseSearchQuery('?! -'), DomainError);
    assert.throws(() => parseSearchQuery('a'.repeat(SEARCH_LIMITS.queryLength + 1)), DomainError);
  });

  it('keeps each word once, at most queryWords of them', () => {
    assert.equal(parseSearchQuery('colis Colis COLIS').words.length, 1);
    const many = Array.from({ length: 20 }, (_, i) => `mot${i}`).join(' ');
    assert.equal(parseSearchQuery(many).words.length, SEARCH_LIMITS.queryWords);
  });
});

describe('highlights', () => {
  it('marks every word that matches, by its stem', () => {
    const body = 'Remboursement demandé; le remboursé attend son colis.';
    const ranges = matchRanges(body, parseSearchQuery('rembourser colis'));
    assert.deepEqual(
      ranges.map((r) => body.slice(r.start, r.end)),
      ['Remboursement', 'remboursé', 'colis'],
    );
  });

  it('cuts a long body around the first match, with ranges into the snippet', () => {
    const body = `${'avant '.repeat(100)}le colis est arrivé ${'après '.repeat(100)}`;
    const snippet = snippetOf(body, parseSearchQuery('colis'), 80);
    assert.equal(snippet.text.length, 80);
    assert.deepEqual([snippet.cutBefore, snippet.cutAfter], [true, true]);
    assert.deepEqual(
      snippet.highlights.map((r) => snippet.text.slice(r.start, r.end)),
      ['colis'],
    );
    const short = snippetOf('un colis', parseSearchQuery('colis'));
    assert.deepEqual(short, {
      text: 'un colis',
      highlights: [{ start: 3, end: 8 }],
      cutBefore: false,
      cutAfter: false,
    });
  });

  it('never cuts a surrogate pair in two', () => {
    const body = `${'😀'.repeat(150)} colis ${'😀'.repeat(150)}`;
    const { text } = snippetOf(body, parseSearchQuery('colis'), 101);
    assert.doesNotThrow(() => encodeURIComponent(text), 'a lone surrogate would throw');
  });
});

describe('search cursor', () => {
  it('reads back what it wrote and refuses anything else', () => {
    const cursor = { updatedAt: 1_750_000_000_123, id: 'c-1' };
    assert.deepEqual(decodeCursor(encodeCursor(cursor)), cursor);
    for (const bad of ['x', btoa('[1]'), btoa('["a","b"]'), btoa(`[1,"${'x'.repeat(65)}"]`)])
      assert.throws(() => decodeCursor(bad), DomainError, bad);
  });
});
