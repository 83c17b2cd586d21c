import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redactDraft } from './draft';

describe('draft redaction (secrets still being typed)', () => {
  it('hides a card number at every keystroke, not only once it is complete', () => {
    const card = '4242 4242 4242 4242';
    for (let i = 1; i <= card.length; i++) {
      const shown = redactDraft(`my card is ${card.slice(0, i)}`).text;
      // At most the first five digits: less than the issuer prefix, which is not secret (PCI DSS).
      const visible = shown.replace('•••• 4242', '').replace(/\D/g, '').length;
      assert.ok(visible <= 5, `"${shown}" at ${i} keystrokes`);
    }
    assert.equal(redactDraft(`my card is ${card}`).text, 'my card is card •••• 4242');
  });

  it('hides a code or password while its first characters are typed', () => {
    assert.equal(redactDraft('my code is 48').text, 'my code is [code hidden]');
    assert.equal(redactDraft('mot de passe : ab').text, 'mot de passe : [code hidden]');
    assert.equal(redactDraft('my password is').text, 'my password is', 'nothing typed yet');
  });

  it('hides an IBAN while it is typed', () => {
    assert.equal(redactDraft('send it to FR76 3000').text.includes('3000'), false);
    assert.equal(redactDraft('send it to GB82 WE').text.includes('GB82'), false);
  });

  it('holds back what is still being typed and may become a secret (issue 11)', () => {
    const nbsp = redactDraft('my card is 4242\u00a04242\u00a04242\u00a04').text;
    assert.equal(nbsp, 'my card is [number hidden]');
    assert.equal(redactDraft('token ghp_a1').text, 'token [API key hidden]');
    assert.equal(redactDraft('sk_live_4eC3').text, '[API key hidden]');
    assert.equal(
      redactDraft('I changed my password to Hunte').text,
      'I changed my password to [password hidden]',
    );
    assert.equal(
      redactDraft("j'ai changé mon mot de passe en Solei").text.endsWith('[password hidden]'),
      true,
    );
    assert.equal(redactDraft('482913 is my co').text, '[number hidden] is my co');
    assert.equal(redactDraft('Soleil2024 c’est mon mot de').text, '[password hidden] c’est mon mot de');
    // Decided: the number is an order, the word is no password, the key-like word ended.
    assert.equal(redactDraft('order 482913 is late, where is it').text, 'order 482913 is late, where is it');
    assert.equal(redactDraft('Soleil2024 was lovely').text, 'Soleil2024 was lovely');
  });

  it('leaves ordinary text alone, and is idempotent', () => {
    assert.equal(redactDraft('Hello, where is my parcel?').text, 'Hello, where is my parcel?');
    assert.equal(redactDraft('order 1234 arrived').text, 'order 1234 arrived');
    for (const draft of [
      'my card is 4242 4242 42',
      'my code is 48',
      'IBAN FR76 3000 6000 0112 3456 7890 189',
    ]) {
      const once = redactDraft(draft).text;
      assert.equal(redactDraft(once).text, once);
    }
  });
});
