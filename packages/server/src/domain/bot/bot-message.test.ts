import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { botLocaleOf, botMessageOf } from './bot-message';
import { INITIAL_BOT_STATE } from './handover';

const source = {
  articleId: 'a1',
  slug: 'remboursement',
  title: 'Remboursement',
  excerpt: 'Un remboursement est versé sous 5 jours.',
  confidence: 0.8,
};
const url = (slug: string) => `/help/fr/${slug}`;

describe('bot messages', () => {
  it('an answer shows the excerpt, asks whether it helped and links the article', () => {
    const draft = botMessageOf(
      { type: 'answer', source, confidence: 0.8, secondTry: false },
      { phase: 'awaiting-feedback', answer: { sources: [source], confidence: 0.8 }, offered: 0, misses: 0 },
      'fr',
      url,
    );
    assert.ok(draft);
    assert.match(draft.body, /Un remboursement est versé sous 5 jours\./);
    assert.match(draft.body, /Cela a-t-il répondu à votre question \?$/);
    assert.deepEqual(draft.articles, [{ id: 'a1', title: 'Remboursement', url: '/help/fr/remboursement' }]);
    assert.equal(draft.confidence, 0.8);
    assert.equal(draft.active, true);
  });

  it('a handover is one line in the visitor language, after which the bot is no longer active', () => {
    const draft = botMessageOf(
      { type: 'handover', reason: 'requested' },
      { phase: 'handed-over', reason: 'requested' },
      'en',
      url,
    );
    assert.equal(draft?.active, false);
    assert.deepEqual(draft?.articles, []);
    assert.ok(draft && !draft.body.includes('\n'));
    assert.match(draft?.body ?? '', /member of the team/);
  });

  it('says nothing when the bot is silent', () => {
    assert.equal(botMessageOf({ type: 'silent' }, INITIAL_BOT_STATE, 'en', url), undefined);
  });

  it('answers in French for any French tag and in English otherwise', () => {
    assert.equal(botLocaleOf('fr-CA'), 'fr');
    assert.equal(botLocaleOf('FR'), 'fr');
    assert.equal(botLocaleOf('de'), 'en');
    assert.equal(botLocaleOf(null), 'en');
  });
});
