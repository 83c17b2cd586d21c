import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUES, consoleLang, say } from './console-text';

describe('console text', () => {
  it('has every key in English and French, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, en] of Object.entries(CATALOGUES.en)) {
      const fr = CATALOGUES.fr[key as keyof typeof CATALOGUES.fr];
      assert.ok(fr && fr.trim() !== '', key);
      assert.deepEqual(placeholders(fr), placeholders(en), key);
    }
  });

  it('follows the browser’s first French or English preference, English otherwise', () => {
    assert.equal(consoleLang(['fr-CA', 'en']), 'fr');
    assert.equal(consoleLang(['de', 'en-GB']), 'en');
    assert.equal(consoleLang(['de']), 'en');
    assert.equal(consoleLang([]), 'en');
  });

  it('fills placeholders', () => {
    assert.equal(
      say('verificationLabel', { level: 'Signé par le site' }, 'fr'),
      'Identité : Signé par le site',
    );
    assert.equal(say('teamFilter', {}, 'en'), 'Team');
  });
});
