import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOURS_CATALOGUES, sayHours } from './hours-text';
import { RATINGS_CATALOGUES, sayRatings } from './ratings-text';

describe('Opening hours and Ratings words', () => {
  for (const [name, catalogues] of [
    ['opening hours', HOURS_CATALOGUES],
    ['ratings', RATINGS_CATALOGUES],
  ] as const)
    it(`names every ${name} control in both languages, placeholders kept`, () => {
      const en: Record<string, string> = catalogues.en;
      const fr: Record<string, string> = catalogues.fr;
      assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        assert.notEqual(fr[key]?.trim(), '', key);
        assert.deepEqual(fr[key]?.match(/\{\w+\}/g)?.sort(), text.match(/\{\w+\}/g)?.sort(), key);
      }
    });

  it('says the controls the way the issue names them', () => {
    assert.equal(sayHours('title', {}, 'en'), 'Opening hours');
    assert.equal(sayHours('addRange', { day: 'Monday' }, 'en'), 'Add a time range for Monday');
    assert.equal(sayHours('removeHoliday', { date: '25 December' }, 'en'), 'Remove holiday 25 December');
    assert.equal(sayHours('addRange', { day: 'lundi' }, 'fr'), 'Ajouter une plage horaire le lundi');
    assert.equal(
      sayRatings('openConversation', { score: 4, date: '3 déc.' }, 'fr'),
      'Ouvrir la conversation notée 4/5 le 3 déc.',
    );
  });
});
