import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { redact } from './index';
import { rng } from './corpus/prng';
import { cardDigits, formatCard, formatIban, ibanCompact, knownKey, otp, password } from './corpus/secrets';

const RUNS = { numRuns: 300 };

/** Fragments that make the engine work: cue words, digits, separators, placeholders, secrets' shapes. */
const fragment = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    'code',
    'my code is',
    'OTP',
    'PIN',
    'mot de passe',
    'password:',
    'mdp',
    ' is my password',
    'key=',
    'Bearer',
    'token',
    'clé API :',
    '4242 4242 4242 4242',
    '4242',
    'FR76',
    '3000 6000',
    'IBAN',
    'sk-',
    'AKIA',
    'eyJ',
    '-----BEGIN PRIVATE KEY-----',
    '[code hidden]',
    'card •••• ',
    '•',
    ' hidden]',
    'order',
    'n°',
    '€',
    '\n',
    ' ',
    '-',
    '.',
    ':',
    'é',
  ),
  fc.stringMatching(/^\d{1,20}$/),
);
const chatText = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

/** A valid secret of each class, as a phrase with its cue where the class needs one. */
const secret = fc.integer().chain((seed) => {
  const r = rng(seed);
  const card = cardDigits(r);
  const code = otp(r);
  const pw = password(r, true);
  return fc.constantFrom(
    { phrase: formatCard(r, card.digits, card.brand), secret: card.digits },
    { phrase: formatIban(r, ibanCompact(r)), secret: '' },
    { phrase: knownKey(r), secret: '' },
    { phrase: `my verification code is ${code}`, secret: code },
    { phrase: `mon code : ${code}`, secret: code },
    { phrase: `password: ${pw}`, secret: pw },
    { phrase: `le mot de passe c'est ${pw}`, secret: pw },
  );
});

const words = fc.array(
  fc.constantFrom(
    'hello',
    'bonjour',
    'my',
    'order',
    'is',
    'late',
    'where',
    'ma',
    'commande',
    'est',
    'en',
    'retard',
    'please',
    'merci',
    'the',
    'le',
    'parcel',
    'colis',
    'help',
    'aide',
    'card',
    'carte',
    'bank',
    'banque',
    'refund',
    ',',
    '.',
    '!',
    '?',
    '€',
    'é',
    'à',
    '\n',
  ),
  { maxLength: 30 },
);
const CUE_OR_KEY =
  /\d|code|otp|pin|2fa|mfa|one.time|v[ée]rification|usage unique|token|cvv|cvc|crypto|pass|pwd|pw|mdp|mot.de.passe|key|secret|bearer|cl[ée]|AKIA|ASIA|gh[pousr]_|github_pat|xox|[rs]k_|whsec|AIza|sk-|glpat|npm_|SG\.|hf_|eyJ|-----BEGIN/i;

describe('properties', () => {
  it('masking is idempotent, for any text', () => {
    fc.assert(
      fc.property(chatText, (text) => {
        const once = redact(text).text;
        assert.equal(redact(once).text, once);
      }),
      RUNS,
    );
  });
  it('a valid secret, as its own word anywhere in any text, never survives', () => {
    // Its own word: whitespace or a comma around it, and no number glued to it ("0 4242 4242…" is
    // another number).
    const separator = fc.constantFrom(' ', '\n', ', ', ' \n', '\t');
    fc.assert(
      fc.property(chatText, secret, chatText, separator, (before, s, after, sep) => {
        const hidden = s.secret || s.phrase;
        fc.pre(!before.includes(hidden) && !after.includes(hidden));
        fc.pre(!/\d[ .-]*$/.test(before + sep) && !/^[ .-]*\d/.test(sep + after));
        const out = redact(before + sep + s.phrase + sep + after).text;
        assert.ok(!out.includes(hidden), `${JSON.stringify(s.phrase)} survived in ${JSON.stringify(out)}`);
        if (s.secret.length >= 13) assert.ok(!out.replace(/\D/g, '').includes(s.secret));
      }),
      RUNS,
    );
  });
  it('text without digits and without cue words is unchanged', () => {
    const plain = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      words.map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(
        plain.filter((text) => !CUE_OR_KEY.test(text)),
        (text) => assert.deepEqual(redact(text), { text, found: [] }),
      ),
      RUNS,
    );
  });
});
