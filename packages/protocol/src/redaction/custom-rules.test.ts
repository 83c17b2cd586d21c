import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RedactionRule } from '../index';
import { compileRules, redact, validateRule } from './index';

const rule = (over: Partial<RedactionRule>): RedactionRule => ({
  id: 'r1',
  label: 'policy number',
  pattern: 'POL-\\d{6}',
  validator: 'none',
  ...over,
});

describe('validateRule', () => {
  it('accepts a sound pattern', () => {
    assert.equal(validateRule(rule({})), undefined);
  });
  it('reports a bad regex, an empty match, a pattern over 200 characters, nested quantifiers', () => {
    assert.match(validateRule(rule({ pattern: '(unclosed' })) ?? '', /./);
    assert.equal(validateRule(rule({ pattern: 'a*' })), 'matches empty text');
    assert.equal(validateRule(rule({ pattern: '\\b' })), 'matches empty text');
    assert.equal(validateRule(rule({ pattern: 'x'.repeat(201) })), 'longer than 200 characters');
    for (const pattern of ['(a+)+', '(\\d{1,3}.?)+x', '((ab)+c)+', '(?:x*y)+z'])
      assert.equal(validateRule(rule({ pattern })), 'nested quantifiers, as in (a+)+', pattern);
    for (const pattern of ['(ab|cd)+', '[a+]+', '\\(a+\\)+'])
      assert.equal(validateRule(rule({ pattern })), undefined, pattern);
  });
});

describe('custom rules in redact', () => {
  it('masks matches, case-insensitively, with the label as placeholder', () => {
    const rules = compileRules([rule({})]);
    const out = redact('my policy is pol-123456.', rules);
    assert.equal(out.text, 'my policy is [policy number hidden].');
    assert.deepEqual(out.found, [{ kind: 'custom', label: 'policy number' }]);
  });
  it('checks the Luhn or IBAN validator on the match', () => {
    const luhn = compileRules([rule({ label: 'loyalty card', pattern: 'LC\\d{10}', validator: 'luhn' })]);
    assert.equal(redact('LC0000000018 LC0000000019', luhn).text, '[loyalty card hidden] LC0000000019');
    const iban = compileRules([
      rule({ label: 'account', pattern: '[a-z]{2}\\d\\d(?:/[a-z\\d]{1,4}){3,8}', validator: 'iban' }),
    ]);
    const text = 'GB82/WEST/1234/5698/7654/32 GB82/WEST/1234/5698/7654/33';
    assert.equal(redact(text, iban).text, '[account hidden] GB82/WEST/1234/5698/7654/33');
  });
  it('skips invalid rules', () => {
    const rules = compileRules([rule({ pattern: '(unclosed' }), rule({ pattern: 'a*' }), rule({})]);
    assert.equal(rules.custom.length, 1);
    assert.equal(redact('aaa POL-123456', rules).text, 'aaa [policy number hidden]');
  });
  it('come after built-in rules, and their placeholders are left alone when redacting again', () => {
    const rules = compileRules([rule({ label: 'digits', pattern: '\\d{4,}' })]);
    const once = redact('card 4242 4242 4242 4242, ref 987654', rules);
    assert.equal(once.text, 'card card •••• 4242, ref [digits hidden]');
    assert.equal(redact(once.text, rules).text, once.text);
  });
});
