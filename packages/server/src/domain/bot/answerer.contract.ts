/**
 * The contract every Answerer keeps, as a node:test suite to run against each implementation (the
 * retrieval answerer today, a generative one later): what the handover rules and the transport rely on.
 */
// A test suite, not domain code: node:test and node:assert do no I/O for the product.
// eslint-disable-next-line no-restricted-imports
import { describe, it } from 'node:test';
// eslint-disable-next-line no-restricted-imports
import assert from 'node:assert/strict';
import type { Answerer } from './answerer';
import type { BotArticle } from './bot-article';

type Draft = Pick<BotArticle, 'id' | 'locale' | 'title' | 'body'> & { published?: boolean };
const article = ({ published = true, ...a }: Draft): BotArticle => ({
  ...a,
  slug: a.id,
  published,
  category: 'Test',
});

const ARTICLES: BotArticle[] = [
  article({
    id: 'refunds',
    locale: 'en',
    title: 'When will I get my refund?',
    body: 'We **refund** you within 5 days of receiving your return.',
  }),
  article({
    id: 'delivery',
    locale: 'en',
    title: 'Delivery times',
    body: 'Standard delivery takes 2 to 4 working days.',
  }),
  article({
    id: 'secret',
    locale: 'en',
    title: 'Refund secrets (draft)',
    body: 'Refund refund refund: not published yet.',
    published: false,
  }),
  article({
    id: 'remboursement',
    locale: 'fr',
    title: 'Quand serai-je remboursé ?',
    body: 'Nous vous remboursons sous 5 jours.',
  }),
  article({
    id: 'livraison',
    locale: 'fr',
    title: 'Délais de livraison',
    body: 'La livraison prend 2 à 4 jours ouvrés.',
  }),
];

export function answererContract(name: string, make: () => Answerer): void {
  describe(`Answerer contract: ${name}`, () => {
    it('answers from published articles in the question’s language only', async () => {
      const answer = await make().answer({ text: 'refund remboursement', locale: 'en' }, ARTICLES);
      assert.ok(answer.sources.length > 0);
      for (const s of answer.sources) {
        const a = ARTICLES.find((x) => x.id === s.articleId);
        assert.ok(a && a.published && a.locale === 'en', s.articleId);
      }
    });

    it('puts the best source first, distinct sources, confidences in [0, 1]', async () => {
      const answer = await make().answer({ text: 'when is my refund', locale: 'en' }, ARTICLES);
      assert.equal(answer.sources[0]?.articleId, 'refunds');
      assert.equal(answer.confidence, answer.sources[0]?.confidence);
      assert.equal(new Set(answer.sources.map((s) => s.articleId)).size, answer.sources.length);
      for (const s of answer.sources) assert.ok(s.confidence >= 0 && s.confidence <= 1);
    });

    it('gives a short plain-text excerpt and the article’s title and slug', async () => {
      const [first] = (await make().answer({ text: 'remboursé', locale: 'fr' }, ARTICLES)).sources;
      assert.equal(first?.title, 'Quand serai-je remboursé ?');
      assert.equal(first?.slug, 'remboursement');
      assert.ok(first && first.excerpt.length > 0 && first.excerpt.length <= 241);
      assert.doesNotMatch(first?.excerpt ?? '', /\*\*/);
    });

    it('answers nothing, with confidence 0, when there is nothing to go on', async () => {
      assert.deepEqual(await make().answer({ text: 'refund', locale: 'fr' }, []), {
        sources: [],
        confidence: 0,
      });
    });
  });
}
