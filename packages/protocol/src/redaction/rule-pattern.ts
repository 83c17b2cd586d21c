/**
 * Reads an admin's pattern (JavaScript regular expression syntax, flags 'iu') into a tree that
 * rule-automaton.ts runs in linear time. Only what a finite automaton can do is accepted: characters,
 * classes, escapes, groups, alternation, greedy quantifiers and the anchors ^ $ \b \B. Backreferences,
 * lookarounds, lazy quantifiers and inline flags are refused with the reason.
 *
 * Each single-character atom keeps its own source and is tested by the browser's own engine on one
 * character at a time (`^(?:atom)$` with flags 'iu'), so classes, \p{…} and case folding mean exactly
 * what they mean in JavaScript, and a one-character test cannot backtrack.
 */

export type Assertion = '^' | '$' | 'b' | 'B';

export type PatternNode =
  | { readonly kind: 'char'; readonly source: string }
  | { readonly kind: 'assert'; readonly at: Assertion }
  | { readonly kind: 'seq'; readonly items: readonly PatternNode[] }
  | { readonly kind: 'alt'; readonly items: readonly PatternNode[] }
  | { readonly kind: 'repeat'; readonly item: PatternNode; readonly min: number; readonly max: number };

/** A pattern the engine will not run, and why (shown to the admin). */
export class PatternRefused extends Error {}

const BACKREFERENCE = 'backreferences (\\1, \\k<name>) cannot be matched in linear time';
const LOOKAROUND = 'lookahead and lookbehind ((?=, (?!, (?<=, (?<!) cannot be matched in linear time';
const LAZY = 'lazy quantifiers (+?, *?, ??) are not supported: a rule masks the longest text it matches';
const FLAGS = 'inline flags such as (?i:…) are not supported: rules always ignore case';

/** The pattern as a tree; throws PatternRefused. Call only on a pattern `new RegExp(p, 'u')` accepts. */
export function parsePattern(pattern: string): PatternNode {
  let i = 0;
  const peek = (ahead = 0) => pattern[i + ahead] ?? '';

  const alternation = (): PatternNode => {
    const items = [sequence()];
    while (peek() === '|') {
      i++;
      items.push(sequence());
    }
    return items.length === 1 ? items[0]! : { kind: 'alt', items };
  };

  const sequence = (): PatternNode => {
    const items: PatternNode[] = [];
    while (i < pattern.length && peek() !== '|' && peek() !== ')') items.push(quantified(atom()));
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  };

  const quantified = (item: PatternNode): PatternNode => {
    const bounds = quantifier();
    if (!bounds) return item;
    if (peek() === '?') throw new PatternRefused(LAZY);
    return { kind: 'repeat', item, min: bounds[0], max: bounds[1] };
  };

  const quantifier = (): [number, number] | undefined => {
    const c = peek();
    if (c === '*' || c === '+' || c === '?') {
      i++;
      return c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    }
    const m = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
    if (!m) return undefined;
    i += m[0].length;
    const min = Number(m[1]);
    return [min, m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity];
  };

  const atom = (): PatternNode => {
    const c = peek();
    if (c === '(') return group();
    if (c === '^' || c === '$') {
      i++;
      return { kind: 'assert', at: c };
    }
    if (c === '[') return char(classEnd());
    if (c === '\\') return escape();
    const cp = pattern.codePointAt(i) ?? 0;
    return char(i + (cp > 0xffff ? 2 : 1));
  };

  const char = (end: number): PatternNode => {
    const source = pattern.slice(i, end);
    i = end;
    return { kind: 'char', source };
  };

  const group = (): PatternNode => {
    i++;
    if (peek() === '?') {
      const kind = pattern.slice(i, i + 3);
      if (/^\?[=!]|^\?<[=!]/.test(kind)) throw new PatternRefused(LOOKAROUND);
      if (peek(1) === ':') i += 2;
      else if (peek(1) === '<') i = pattern.indexOf('>', i) + 1;
      else throw new PatternRefused(FLAGS);
    }
    const inner = alternation();
    i++; // ')'
    return inner;
  };

  /** Where the class opening at i ends (after its ']'); a ']' right after '[' or '[^' closes it. */
  const classEnd = (): number => {
    let j = i + 1;
    if (pattern[j] === '^') j++;
    while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
    return j + 1;
  };

  const escape = (): PatternNode => {
    const c = peek(1);
    if (c === 'b' || c === 'B') {
      i += 2;
      return { kind: 'assert', at: c };
    }
    if (/[1-9]/.test(c) || c === 'k') throw new PatternRefused(BACKREFERENCE);
    const rest = pattern.slice(i);
    const m =
      /^\\u[dD][89abAB][\da-fA-F]{2}\\u[dD][c-fC-F][\da-fA-F]{2}/.exec(rest) ?? // a surrogate pair: one character
      /^\\(?:[pP]\{[^}]*\}|u\{[\da-fA-F]+\}|u[\da-fA-F]{4}|x[\da-fA-F]{2}|c[a-zA-Z])/.exec(rest);
    return char(i + (m ? m[0].length : 2));
  };

  const tree = alternation();
  return tree;
}

/** Whether the tree can match without taking a character (an assertion is taken to hold). */
export function matchesEmpty(node: PatternNode): boolean {
  switch (node.kind) {
    case 'char':
      return false;
    case 'assert':
      return true;
    case 'seq':
      return node.items.every(matchesEmpty);
    case 'alt':
      return node.items.some(matchesEmpty);
    case 'repeat':
      return node.min === 0 || matchesEmpty(node.item);
  }
}
