import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchArticles } from './article-match';

const articles = [
  { title: 'Suivre ma commande', text: 'Le numéro de suivi arrive par e-mail après l’expédition.' },
  {
    title: 'Délai de remboursement',
    text: 'Le remboursement est fait sous 14 jours après réception du colis.',
  },
  { title: 'Frais de livraison', text: 'La livraison est offerte dès 50 euros.' },
  { title: 'Returns', text: 'You can return any item within 30 days for a refund.' },
];

describe('help centre search', () => {
  it('finds an article by a word of its text, whatever its form or accents', () => {
    assert.deepEqual(
      matchArticles(articles, 'rembourse').map((a) => a.title),
      ['Délai de remboursement'],
    );
    assert.deepEqual(
      matchArticles(articles, 'delai').map((a) => a.title),
      ['Délai de remboursement'],
    );
    assert.deepEqual(
      matchArticles(articles, 'refunds').map((a) => a.title),
      ['Returns'],
    );
  });

  it('needs every word, and puts title matches first', () => {
    assert.deepEqual(
      matchArticles(articles, 'livraison euros').map((a) => a.title),
      ['Frais de livraison'],
    );
    assert.deepEqual(
      matchArticles(articles, 'colis').map((a) => a.title),
      ['Délai de remboursement'],
    );
    assert.deepEqual(matchArticles(articles, 'pizza'), []);
    assert.deepEqual(matchArticles(articles, '   '), []);
  });

  it('reads only the start of a very long query instead of failing', () => {
    assert.ok(Array.isArray(matchArticles(articles, 'returns ' + 'x'.repeat(10_000))));
    assert.deepEqual(matchArticles(articles, '?!'), []);
    assert.deepEqual(
      matchArticles(articles, 'returns' + ' '.repeat(300) + 'zzz').map((a) => a.title),
      ['Returns'],
    );
  });
});
