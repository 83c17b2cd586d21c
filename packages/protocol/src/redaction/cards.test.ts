import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redact } from './index';

const masked = (text: string) => redact(text).text;

describe('payment cards', () => {
  it('masks Luhn-valid numbers grouped any way, keeping the last four digits', () => {
    for (const card of [
      '4242 4242 4242 4242',
      '4242-4242-4242-4242',
      '4242.4242.4242.4242',
      '4242424242424242',
      '4242 4242-4242.4242',
      '42424242 42424242',
      '4242  4242  4242  4242',
      '4242 - 4242 - 4242 - 4242',
    ])
      assert.equal(masked(`my card is ${card} thanks`), 'my card is card •••• 4242 thanks', card);
  });
  it('Amex, Diners, 19 digits', () => {
    assert.equal(masked('3782 822463 10005'), 'card •••• 0005');
    assert.equal(masked('Diners 3056 930902 5904'), 'Diners card •••• 5904');
    assert.equal(masked('6011 0009 9013 9424 009'), 'card •••• 4009');
  });
  it('French sentences, with expiry and CVC after the number', () => {
    assert.equal(
      masked('Voici ma CB : 5555 5555 5555 4444 exp 09/27'),
      'Voici ma CB : card •••• 4444 exp 09/27',
    );
    assert.equal(
      masked('carte 4242 4242 4242 4242 12 27 cvc 123'),
      'carte card •••• 4242 12 27 cvc [code hidden]',
    );
  });
  it('reports what it masked, never the number', () => {
    assert.deepEqual(redact('4242424242424242').found, [{ kind: 'card', label: 'card' }]);
  });
  it('leaves Luhn-invalid numbers, phones, orders, dates, amounts, IMEI and SIRET', () => {
    for (const text of [
      '4242 4242 4242 4241',
      'call me at +33 6 12 34 56 78',
      '(555) 123-4567 or +1 415 555 0134',
      'Amazon order 403-1234567-1234567',
      'order 4829137294',
      'between 2024-01-15 and 2024-02-15',
      'I paid 1 234 567,89 € and $1,299.99',
      'IMEI 490154203237518',
      'SIRET 732 829 320 00074',
      'USPS 9400 1000 0000 0000 0000 00',
      'ref4242424242424242',
      '1234567890123',
    ])
      assert.equal(masked(text), text);
  });
});
