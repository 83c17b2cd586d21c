import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadSampleArticles, parseSampleArticle } from './sample-articles';

describe('demo help articles', () => {
  const articles = loadSampleArticles();

  it('ships at least 25 articles in each language, each with a title, a category and a body', () => {
    for (const locale of ['en', 'fr'] as const) {
      const mine = articles.filter((a) => a.locale === locale);
      assert.ok(mine.length >= 25, `${locale}: ${mine.length} articles`);
      for (const a of mine) {
        assert.ok(a.title.length > 5 && a.category.length > 2, `${locale}/${a.slug}`);
        assert.ok(a.body.split(/\n\s*\n/).length >= 2, `${locale}/${a.slug} has a few paragraphs`);
      }
    }
  });

  it('covers orders, delivery, returns, refunds, payment, account, sizes and warranty in both languages', () => {
    const categories = (locale: string) =>
      new Set(articles.filter((a) => a.locale === locale).map((a) => a.category));
    for (const c of ['Orders', 'Delivery', 'Returns', 'Refunds', 'Payment', 'Account', 'Sizes', 'Warranty'])
      assert.ok(categories('en').has(c), c);
    for (const c of [
      'Commandes',
      'Livraison',
      'Retours',
      'Remboursements',
      'Paiement',
      'Compte',
      'Tailles',
      'Garantie',
    ])
      assert.ok(categories('fr').has(c), c);
  });

  it('rejects a file without its header, naming it', () => {
    assert.throws(() => parseSampleArticle('# Just a body', { slug: 'x', locale: 'fr' }), /fr\/x\.md/);
  });
});
