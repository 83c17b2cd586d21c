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
  it('reports a bad regex, an empty match, a pattern over 200 characters', () => {
    assert.match(validateRule(rule({ pattern: '(unclosed' })) ?? '', /./);
    assert.equal(validateRule(rule({ pattern: 'a*' })), 'matches empty text');
    assert.equal(validateRule(rule({ pattern: '\\b' })), 'matches empty text');
    assert.equal(validateRule(rule({ pattern: '^(\\d+)*$' })), 'matches empty text');
    assert.equal(validateRule(rule({ pattern: 'x'.repeat(201) })), 'longer than 200 characters');
  });
  it('refuses what cannot run in linear time, saying why', () => {
    const refused: [string, RegExp][] = [
      ['(\\w+)\\1', /^backreferences/],
      ['(?<n>a+)x\\k<n>', /^backreferences/],
      ['(?=\\d{6})\\w+', /^lookahead and lookbehind/],
      ['a(?!b)', /^lookahead and lookbehind/],
      ['(?<=ref )\\d+', /^lookahead and lookbehind/],
      ['(?<!x)y', /^lookahead and lookbehind/],
      ['ref.+?end', /^lazy quantifiers/],
      ['(?:\\d{100}){100}', /^too large .*at most 500/],
    ];
    for (const [pattern, reason] of refused)
      assert.match(validateRule(rule({ pattern })) ?? '', reason, pattern);
  });
  it('accepts nested and overlapping quantifiers: they run in linear time (rule-automaton.test.ts)', () => {
    for (const pattern of [
      '(a|a)+$',
      '(\\w|\\d)+$',
      '(.*a){12}$',
      '(a+)+',
      '(a|aa)*b',
      '(x+x+)+y',
      '(ab|cd)+',
    ])
      assert.equal(validateRule(rule({ pattern })), undefined, pattern);
  });
});

describe('rules together', () => {
  it('run within 2,000 states in all: the first rules that fit are kept, the others refused with the reason', () => {
    const big = (id: string) => rule({ id, label: id, pattern: '#\\w{1,249}' }); // 499 states with its match state
    const rules = compileRules(['a', 'b', 'c', 'd', 'e'].map(big));
    assert.deepEqual(
      rules.custom.map((r) => r.label),
      ['a', 'b', 'c', 'd'],
    );
    assert.equal(rules.refused[0]?.rule.id, 'e');
    assert.match(rules.refused[0]?.reason ?? '', /^all rules together would be too large .* delete a rule/);
  });
});

describe('rules stored by an older version', () => {
  it('are skipped with their reason, and the others still mask', () => {
    const stored = [rule({ id: 'old', pattern: '(\\d+)\\1' }), rule({ id: 'ok' })];
    const rules = compileRules(stored);
    assert.equal(rules.custom.length, 1);
    assert.deepEqual(
      rules.refused.map((r) => [r.rule.id, r.reason]),
      [['old', 'backreferences (\\1, \\k<name>) cannot be matched in linear time']],
    );
    assert.equal(redact('1212 POL-123456', rules).text, '1212 [policy number hidden]');
  });
});

describe('custom rules in redact', () => {
  it('masks matches, case-insensitively, with the label as placeholder', () => {
    const rules = compileRules([rule({})]);
    const out = redact('my policy is pol-123456.', rules);
    assert.equal(out.text, 'my policy is [policy number hidden].');
    assert.deepEqual(out.found, [{ kind: 'custom', label: 'policy number' }]);
  });
  it('masks ordinary admin rules: employee ids, order numbers, with a checksum or not', () => {
    const rules = compileRules([
      rule({ label: 'employee id', pattern: 'EMP-\\d{6}' }),
      rule({ label: 'order', pattern: '\\b[A-Z]{2}\\d{8}\\b' }),
      rule({ label: 'gift card', pattern: 'GC\\d{16}', validator: 'luhn' }),
      rule({ label: 'account', pattern: '[A-Z]{2}\\d\\d(?:/[A-Z\\d]{1,4}){3,8}', validator: 'iban' }),
    ]);
    const text =
      'emp-004217 ordered AB12345678, gift GC4242424242424242 and GC4242424242424241, ACC FR14/2004/1010/0505/0001/3M02/606';
    assert.equal(
      redact(text, rules).text,
      '[employee id hidden] ordered [order hidden], gift [gift card hidden] and GC4242424242424241, ACC [account hidden]',
    );
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
