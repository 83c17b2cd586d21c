import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARTICLE_CATALOGUES, sayArticle } from './article-text';

describe('Articles view words', () => {
  it('names every control in both languages, placeholders kept', () => {
    assert.deepEqual(Object.keys(ARTICLE_CATALOGUES.fr).sort(), Object.keys(ARTICLE_CATALOGUES.en).sort());
    for (const [key, text] of Object.entries(ARTICLE_CATALOGUES.en)) {
      const fr = ARTICLE_CATALOGUES.fr[key as keyof typeof ARTICLE_CATALOGUES.en];
      assert.notEqual(fr.trim(), '', key);
      assert.deepEqual(fr.match(/\{\w+\}/g), text.match(/\{\w+\}/g), key);
    }
    assert.equal(sayArticle('editArticle', { title: 'Retours' }, 'fr'), 'Modifier l’article Retours');
    assert.equal(sayArticle('deleteArticle', { title: 'Returns' }, 'en'), 'Delete article Returns');
  });
});
