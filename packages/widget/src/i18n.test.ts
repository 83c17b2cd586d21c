import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STRINGS, pickLocale } from './i18n';

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
