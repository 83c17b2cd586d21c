import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileRules, redact } from './index';

describe('redact', () => {
  it('keeps everything else byte for byte', () => {
    const text = '  Bonjour !\n\tmy card: 4242 4242 4242 4242 — and my code is 482913 🙂  ';
    assert.equal(
      redact(text).text,
      '  Bonjour !\n\tmy card: card •••• 4242 — and my code is [code hidden] 🙂  ',
    );
  });
  it('lists what it masked in text order, never the secret', () => {
    const out = redact('pwd: Hunter22, IBAN FR7630006000011234567890189, card 4242424242424242, OTP 482913');
    assert.deepEqual(
      out.found.map((f) => f.kind),
      ['password', 'iban', 'card', 'code'],
    );
    assert.doesNotMatch(JSON.stringify(out.found), /Hunter22|4242|482913|FR76/);
  });
  it('returns text without secrets unchanged, and nothing found', () => {
    for (const text of ['', 'Hello, where is my parcel?', 'Bonjour, ma commande n° 48291 est en retard.'])
      assert.deepEqual(redact(text), { text, found: [] });
  });
  it('is idempotent, placeholders included', () => {
    for (const text of [
      'my code is 482913 and my password is Hunter22',
      'card 4242 4242 4242 4242 IBAN GB82 WEST 1234 5698 7654 32',
      'password: [password hidden] code [code hidden] card •••• 4242',
      'Mon code : 4829, mot de passe : Soleil2024!, clé API : sk-abcdefghijklmnopqrstuvwxyz123456',
    ]) {
      const once = redact(text).text;
      assert.equal(redact(once).text, once);
      assert.deepEqual(redact(once).found, []);
    }
  });
  it('never masks twice: the most specific rule wins', () => {
    assert.equal(redact('password: 4242424242424242').text, 'password: card •••• 4242');
    assert.equal(redact('code: FR7630006000011234567890189').text, 'code: IBAN •••• 0189');
    assert.equal(
      redact('my password is sk-abcdefghijklmnopqrstuvwxyz123456').text,
      'my password is [API key hidden]',
    );
    assert.equal(redact('one-time password 482913').text, 'one-time password [code hidden]');
  });
  it('does not trust digits typed after a card placeholder', () => {
    assert.equal(redact('card •••• 4242 4242 4242 4242').text, 'card •••• card •••• 4242');
  });
  it('takes compiled admin rules, and works without them', () => {
    const rules = compileRules([{ id: 'r', label: 'member id', pattern: 'M-\\d{5}', validator: 'none' }]);
    assert.equal(redact('M-12345', rules).text, '[member id hidden]');
    assert.equal(redact('M-12345').text, 'M-12345');
  });
});
