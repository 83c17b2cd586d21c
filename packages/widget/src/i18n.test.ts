import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STRINGS, pickLocale, queueText } from './i18n';

describe('locale choice', () => {
  it('takes data-locale first', () => {
    assert.equal(pickLocale(['fr', 'en', 'en-US']), 'fr');
  });

  it('falls back to the page language, then the browser language', () => {
    assert.equal(pickLocale([null, 'fr-CA', 'en-US']), 'fr');
    assert.equal(pickLocale([null, null, 'fr-FR']), 'fr');
    assert.equal(pickLocale([undefined, '', 'FR_be']), 'fr');
  });

  it('skips a language it does not speak', () => {
    assert.equal(pickLocale(['de', 'es', 'fr']), 'fr');
  });

  it('defaults to English', () => {
    assert.equal(pickLocale([null, 'de', 'ja']), 'en');
    assert.equal(pickLocale([]), 'en');
  });

  it('has every string in both languages', () => {
    assert.deepEqual(Object.keys(STRINGS.fr).sort(), Object.keys(STRINGS.en).sort());
    for (const value of Object.values(STRINGS.fr)) assert.ok(value.length > 0);
  });
});

describe('queue text', () => {
  it('says the place, and the wait only when there is one', () => {
    assert.equal(queueText(STRINGS.en, { position: 1, wait: null }), 'You are next in line.');
    assert.equal(
      queueText(STRINGS.en, { position: 4, wait: { minMinutes: 3, maxMinutes: 5 } }),
      'You are number 4 in line. Expected wait: about 3 to 5 minutes.',
    );
    assert.equal(
      queueText(STRINGS.fr, { position: 4, wait: { minMinutes: 3, maxMinutes: 5 } }),
      'Votre place dans la file d’attente\u00a0: 4. Attente estimée\u00a0: environ 3 à 5\u00a0minutes.',
    );
  });
});
