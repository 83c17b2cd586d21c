import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redact } from './index';

const masked = (text: string) => redact(text).text;

describe('one-time codes with a cue before', () => {
  it('English', () => {
    assert.equal(masked('the verification code is 482913'), 'the verification code is [code hidden]');
    assert.equal(masked('OTP: 58293174.'), 'OTP: [code hidden].');
    assert.equal(masked('my PIN is 4821'), 'my PIN is [code hidden]');
    assert.equal(masked('2FA code 482 913, it fails'), '2FA code [code hidden], it fails');
    assert.equal(
      masked('The code they sent me by SMS is 482913'),
      'The code they sent me by SMS is [code hidden]',
    );
    assert.equal(masked('the code sent to my phone is 482913'), 'the code sent to my phone is [code hidden]');
    assert.equal(masked('the code for order 12345 is 482913'), 'the code for order 12345 is [code hidden]');
  });
  it('French', () => {
    assert.equal(masked('mon code est 4829'), 'mon code est [code hidden]');
    assert.equal(masked("le code c'est 482-913"), "le code c'est [code hidden]");
    assert.equal(masked('code de vérification : 482913'), 'code de vérification : [code hidden]');
    assert.equal(masked('code reçu par SMS : 482913'), 'code reçu par SMS : [code hidden]');
    assert.equal(masked('code à usage unique 48291337'), 'code à usage unique [code hidden]');
    assert.equal(masked('mon code confidentiel est 2092'), 'mon code confidentiel est [code hidden]');
  });
  it('card security codes, three digits allowed', () => {
    assert.equal(masked('CVV 123'), 'CVV [code hidden]');
    assert.equal(masked('cryptogramme : 987'), 'cryptogramme : [code hidden]');
  });
});

describe('one-time codes with a cue after', () => {
  it('linked by is / est / c’est', () => {
    assert.equal(masked('482913 is my code'), '[code hidden] is my code');
    assert.equal(
      masked("482913 c'est le code de vérification"),
      "[code hidden] c'est le code de vérification",
    );
    assert.equal(
      masked('G-482913 is your Google verification code.'),
      'G-[code hidden] is your Google verification code.',
    );
  });
});

describe('numbers near a cue that are not codes', () => {
  it('orders, rooms, tickets, invoices', () => {
    for (const text of [
      "order 48291 arrived but the code didn't",
      'the code for order 48291 never came',
      'commande n° 48291, le code promo ne marche pas',
      'room 1234: the door code does not work',
      'Order 48291: the code did not work',
    ])
      assert.equal(masked(text), text);
  });
  it('postcodes, phones, amounts, years, lengths', () => {
    for (const text of [
      'code postal 75011 Paris',
      'zip code 90210',
      'My code did not work, I live at 12 rue Oberkampf, 75011 Paris',
      "I didn't get the code, call me at 555-123-4567",
      'Can you resend the code to 06 12 34 56 78?',
      'the code gave me 20% off but I paid 1500 €',
      'In 2019 the code changed',
      'le code a changé en 2023',
      'the code is 6 digits long',
      'error code 5003',
      'I paid 1500, the code did not work',
    ])
      assert.equal(masked(text), text);
  });
  it('numbers without a cue', () => {
    for (const text of ['482913', 'I waited 482913 seconds', 'room 1234', 'ticket 482913'])
      assert.equal(masked(text), text);
  });
});
