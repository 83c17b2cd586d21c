import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSlug, slugify, uniqueSlug } from './article-slug';

describe('article slugs', () => {
  it('folds accents and punctuation into a readable URL part', () => {
    assert.equal(slugify('Délai de livraison : combien de temps ?'), 'delai-de-livraison-combien-de-temps');
    assert.equal(slugify('Where is my order?'), 'where-is-my-order');
    assert.equal(slugify('<script>alert(1)</script>'), 'script-alert-1-script');
    assert.equal(slugify('???'), 'article');
  });

  it('stays short and valid for very long titles', () => {
    const slug = slugify('a'.repeat(50) + ' ' + 'b'.repeat(50));
    assert.ok(slug.length <= 80);
    assert.ok(isSlug(slug));
  });

  it('numbers a slug already taken in the language', () => {
    const taken = new Set(['returns', 'returns-2']);
    assert.equal(
      uniqueSlug('returns', (s) => taken.has(s)),
      'returns-3',
    );
    assert.equal(
      uniqueSlug('refunds', (s) => taken.has(s)),
      'refunds',
    );
  });
});
