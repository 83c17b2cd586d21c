import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, disabledReason, isValid, parseValidator } from './rule-form';

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

  it('says why a pattern that cannot run in linear time is refused', () => {
    assert.match(
      checkRule({ ...rule, pattern: '(\\d+)-\\1' }).pattern ?? '',
      /cannot be used: backreferences/,
    );
    assert.match(checkRule({ ...rule, pattern: 'EMP-(?=\\d)\\w+' }).pattern ?? '', /lookahead/);
  });

  it('shows a stored rule this version refuses as disabled, with the reason', () => {
    assert.equal(disabledReason({ ...rule, id: 'r' }), undefined);
    assert.match(
      disabledReason({ ...rule, id: 'r', pattern: '(\\d+)-\\1' }) ?? '',
      /^Disabled: this pattern cannot be used \(backreferences .*\)\. Delete it/,
    );
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
