import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redact } from './index';
import { ibanLength, isIban, mod97 } from './iban';

const masked = (text: string) => redact(text).text;

describe('IBAN checks', () => {
  it('knows country lengths, from the registry and beyond it', () => {
    assert.equal(ibanLength('FR'), 27);
    assert.equal(ibanLength('NO'), 15);
    assert.equal(ibanLength('LC'), 32);
    assert.equal(ibanLength('SN'), 28);
    assert.equal(ibanLength('US'), undefined);
  });
  it('checks mod 97 and the length of the country', () => {
    assert.ok(mod97('FR7630006000011234567890189'));
    assert.ok(isIban('GB82WEST12345698765432'));
    assert.equal(isIban('FR7630006000011234567890188'), false);
    assert.equal(isIban('FR763000600001123456789018'), false);
  });
});

describe('IBANs in text', () => {
  it('masks them grouped by four, compact, lowercase, with no-break spaces or dashes', () => {
    assert.equal(
      masked('My IBAN is FR76 3000 6000 0112 3456 7890 189 please'),
      'My IBAN is IBAN •••• 0189 please',
    );
    assert.equal(masked('iban: DE89370400440532013000.'), 'iban: IBAN •••• 3000.');
    assert.equal(masked('gb82 west 1234 5698 7654 32'), 'IBAN •••• 5432');
    assert.equal(masked('CH93\u00a00076\u00a02011\u00a06238\u00a05295\u00a07'), 'IBAN •••• 2957');
    assert.equal(masked('BE68-5390-0754-7034'), 'IBAN •••• 7034');
  });
  it('French sentences', () => {
    assert.equal(masked('Mon RIB : FR7630006000011234567890189, merci'), 'Mon RIB : IBAN •••• 0189, merci');
    assert.equal(masked('virement sur NL91 ABNA 0417 1643 00 svp'), 'virement sur IBAN •••• 4300 svp');
  });
  it('leaves wrong check digits, unknown countries, and IBANs glued to more letters', () => {
    for (const text of [
      'IBAN FR76 3000 6000 0112 3456 7890 188',
      'US12 3456 7890 1234 5678',
      'FR7630006000011234567890189abc',
      'BIC BNPAFRPPXXX',
    ])
      assert.equal(masked(text), text);
  });
});
