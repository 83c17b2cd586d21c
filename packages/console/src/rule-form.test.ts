import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, isValid, parseValidator } from './rule-form';

const rule = { label: 'Employee ID', pattern: 'EMP-\\d{6}', validator: 'none' as const };

describe('redaction rule form', () => {
  it('accepts a labelled, valid pattern', () => {
    assert.deepEqual(checkRule(rule), {});
    assert.equal(isValid(checkRule(rule)), true);
  });

  it('reports an invalid pattern with the reason from validateRule', () => {
    const problems = checkRule({ ...rule, pattern: 'EMP-(\\d' });
    assert.match(problems.pattern ?? '', /^This pattern cannot be used: .+/);
    assert.equal(isValid(problems), false);
  });

  it('requires a label and a pattern, within their lengths', () => {
    assert.ok(checkRule({ ...rule, label: '   ' }).label);
    assert.ok(checkRule({ ...rule, label: 'x'.repeat(41) }).label);
    assert.ok(checkRule({ ...rule, pattern: '' }).pattern);
    assert.ok(checkRule({ ...rule, pattern: 'a'.repeat(201) }).pattern);
  });

  it('reads a validator from a select, falling back to none', () => {
    assert.equal(parseValidator('luhn'), 'luhn');
    assert.equal(parseValidator('iban'), 'iban');
    assert.equal(parseValidator('other'), 'none');
  });
});
