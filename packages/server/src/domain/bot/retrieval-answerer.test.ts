import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BotArticle } from './bot-article';
import { RetrievalAnswerer } from './retrieval-answerer';
import { sampleBotArticles } from '../../demo/help-articles/sample-articles';
import { isConfident } from './confidence';

const articles = sampleBotArticles();
const answerer = new RetrievalAnswerer();
const best = async (text: string, locale: 'en' | 'fr', from: readonly BotArticle[] = articles) =>
  (await answerer.answer({ text, locale }, from)).sources[0]?.slug;

describe('retrieval answerer', () => {
  it('finds French articles through stems and without accents', async () => {
    assert.match((await best('rembourser', 'fr')) ?? '', /remboursement/);
    assert.equal(await best('quel est le délai de remboursement', 'fr'), 'delai-remboursement');
    assert.equal(await best('colis pas arrivé', 'fr'), 'colis-non-recu');
    assert.equal(await best('colis pas arrive', 'fr'), 'colis-non-recu');
    assert.equal(await best('GARANTIE', 'fr'), 'garantie');
    assert.equal(await best('echanger contre une autre taille', 'fr'), 'echange-article');
  });

  it('finds English articles through stems and typos', async () => {
    assert.match((await best('refunded', 'en')) ?? '', /refund/);
    assert.equal(await best('how long does my refund take', 'en'), 'refund-timing');
    assert.equal(await best('my parcel has not arrived', 'en'), 'parcel-not-arrived');
    assert.equal(await best('forgoten pasword', 'en'), 'reset-password');
  });

  it('answers only from published articles in the visitor’s language', async () => {
    const french = await answerer.answer({ text: 'refund remboursement', locale: 'fr' }, articles);
    assert.ok(french.sources.length > 0 && french.sources.every((s) => s.articleId.startsWith('fr/')));
    const drafts = articles.map((a) => (a.slug === 'garantie' ? { ...a, published: false } : a));
    assert.notEqual(await best('garantie', 'fr', drafts), 'garantie');
  });

  it('gives the best article, a short plain excerpt, a confidence, and the next best', async () => {
    const answer = await answerer.answer(
      { text: 'what payment methods do you accept', locale: 'en' },
      articles,
    );
    const [first, second] = answer.sources;
    assert.equal(first?.slug, 'payment-methods');
    assert.ok(first.excerpt.length > 20 && first.excerpt.length <= 241);
    assert.doesNotMatch(first.excerpt, /\*\*|`/);
    assert.ok(second && second.slug !== first.slug);
    assert.ok(answer.confidence > 0 && answer.confidence <= 1 && isConfident(answer.confidence));
  });

  it('is not confident about what no article covers, and says nothing to nothing', async () => {
    for (const [text, locale] of [
      ['do you sell bicycles', 'en'],
      ['vous vendez des velos ?', 'fr'],
      // French confidences are calibrated: shop words alone ("temps", "paris") are not an answer.
      ['quel temps fait il a paris', 'fr'],
      ['quelle est votre politique RSE', 'fr'],
    ] as const)
      assert.ok(!isConfident((await answerer.answer({ text, locale }, articles)).confidence), text);
    assert.deepEqual(await answerer.answer({ text: 'le la les ?!', locale: 'fr' }, articles), {
      sources: [],
      confidence: 0,
    });
  });
});
