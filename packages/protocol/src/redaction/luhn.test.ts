import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { luhn } from './luhn';

describe('luhn', () => {
  it('accepts valid numbers: test cards, an IMEI', () => {
    for (const n of ['4242424242424242', '378282246310005', '5555555555554444', '490154203237518'])
      assert.ok(luhn(n), n);
  });
  it('rejects one changed digit, and too short input', () => {
    assert.equal(luhn('4242424242424241'), false);
    assert.equal(luhn('0'), false);
    assert.equal(luhn(''), false);
  });
});
