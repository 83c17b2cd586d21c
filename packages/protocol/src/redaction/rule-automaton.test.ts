import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileRules } from './index';
import { customMatches, RULE_STATES_MAX, type CustomRule, type Match } from './custom-rules';

const compile = (pattern: string): CustomRule => {
  const [rule] = compileRules([{ id: 'r', label: 'x', pattern, validator: 'none' }]).custom;
  assert.ok(rule, `${pattern} compiles`);
  return rule;
};

/** The furthest end of a match at p by JavaScript's own (backtracking) engine: small texts only. */
function nativeFurthest(pattern: string, text: string, p: number): number {
  for (let e = text.length; e > p; e--) {
    if (/[\ud800-\udbff]/.test(text[e - 1] ?? '')) continue; // inside a character
    const rest = [...text.slice(e)].length; // in code points, as [^] counts them with flag u
    const re = new RegExp(`(?:${pattern})(?=[^]{${rest}}$)`, 'iuy');
    re.lastIndex = p;
    if (re.test(text)) return e;
  }
  return -1;
}

/** Every match, leftmost first and each as long as it can be, by JavaScript's engine. */
function nativeMatches(pattern: string, text: string): Match[] {
  const found: Match[] = [];
  for (let p = 0; p < text.length; p++) {
    const e = nativeFurthest(pattern, text, p);
    if (e > p) {
      found.push({ start: p, end: e });
      p = e - 1;
    }
  }
  return found;
}

/** A tiny generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

describe('the rule engine', () => {
  it('finds the matches JavaScript finds, leftmost and longest, on every text of a small alphabet', () => {
    const patterns = [
      'ab|a',
      'a(b|c)*d',
      '(a|ab)(c|bcd)',
      '\\ba\\w*',
      '\\Bb+',
      '^a+',
      'b+$',
      '[^a ]{2,3}',
      '(?:a|b){2}c?',
      'A.B',
      '(a|a)+$',
      '(x+x+)+y',
      '(?<tag>é|e)+',
      'c\\d{1,2}',
      'a(?:b|)c',
    ];
    const alphabet = [
      'a',
      'b',
      'c',
      'd',
      'x',
      'y',
      'A',
      'B',
      'é',
      'E',
      ' ',
      '1',
      '2',
      '\n',
      '😀',
      'ſ',
      '\u212a',
    ];
    const next = random(11);
    for (const pattern of patterns) {
      const rule = compile(pattern);
      for (let k = 0; k < 60; k++) {
        const text = Array.from({ length: next(9) }, () => alphabet[next(alphabet.length)]).join('');
        assert.deepEqual(
          customMatches(rule, text),
          nativeMatches(pattern, text),
          `${pattern} on ${JSON.stringify(text)}`,
        );
      }
    }
  });

  const at = (...pairs: [number, number][]): Match[] => pairs.map(([start, end]) => ({ start, end }));

  it('ignores case and reads \\p{…} and astral characters as JavaScript does with flags iu', () => {
    assert.deepEqual(customMatches(compile('straße'), 'STRASSE Straße'), at([8, 14]));
    assert.deepEqual(customMatches(compile('\\p{Lu}{2}\\d'), 'ab1 Éa2'), at([0, 3], [4, 7]));
    assert.deepEqual(customMatches(compile('😀+'), 'x😀😀y'), at([1, 5]));
    assert.deepEqual(customMatches(compile('\\u{1F600}|\\uD83D\\uDE01'), '😀😁'), at([0, 2], [2, 4]));
  });

  it('takes at most 2 steps per state per character, whatever the pattern and the text', () => {
    const adversarial = [
      'a'.repeat(9_999) + '!',
      'a'.repeat(10_000),
      'x'.repeat(9_999) + 'z',
      '1'.repeat(9_999) + 'x',
      'ab'.repeat(5_000),
      '\t '.repeat(5_000),
    ];
    for (const pattern of [
      '(a|a)+$',
      '(\\w|\\d)+$',
      '(.*a){12}$',
      '(a+)+',
      '(a|aa)*b',
      '(x+x+)+y',
      '(\\d+)*x',
    ]) {
      const rule = compile(pattern);
      assert.ok(rule.automaton.op.length <= RULE_STATES_MAX);
      for (const text of adversarial) {
        const meter = { steps: 0 };
        customMatches(rule, text, meter);
        assert.ok(
          meter.steps <= 2 * rule.automaton.op.length * (text.length + 1),
          `${pattern}: ${meter.steps} steps for ${text.length} characters`,
        );
      }
    }
  });

  it('finds every match of a long text in one pass', () => {
    const text = 'EMP-123456 '.repeat(900);
    const meter = { steps: 0 };
    const rule = compile('EMP-\\d{6}');
    assert.equal(customMatches(rule, text, meter).length, 900);
    assert.ok(meter.steps <= 2 * rule.automaton.op.length * (text.length + 1));
  });
});
