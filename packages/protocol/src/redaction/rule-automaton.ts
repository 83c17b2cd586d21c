/**
 * An admin's pattern as a Thompson automaton of the REVERSED pattern, for rule-search.ts to run right
 * to left. Its size (states) is known from the tree before it is built, and capped at save.
 */
import type { Assertion, PatternNode } from './rule-pattern';

/** Tests the character at text[pos, pos + width): one code point. */
export type CharTest = (text: string, pos: number, width: number) => boolean;

/** What a state does (numbers, kept in a Uint8Array). */
export const MATCH = 0;
export const CHAR = 1;
export const ASSERT = 2;
export const SPLIT = 3;

/**
 * State i is op[i]; a Char state tests tests[i] then goes to out[i]; an ASSERT state checks
 * ASSERTIONS[out2[i]] then goes to out[i]; a SPLIT goes to out[i] and out2[i]. State 0 is the MATCH.
 */
export interface Automaton {
  readonly op: Uint8Array;
  readonly out: Int32Array;
  readonly out2: Int32Array;
  readonly tests: readonly (CharTest | undefined)[];
  readonly start: number;
}

export const ASSERTIONS: readonly Assertion[] = ['^', '$', 'b', 'B'];

/** States the automaton of this tree needs; 0-width items count 1 per copy, so huge counts show. */
export function automatonSize(node: PatternNode): number {
  switch (node.kind) {
    case 'char':
    case 'assert':
      return 1;
    case 'seq':
      return node.items.reduce((n, item) => n + automatonSize(item), 0);
    case 'alt':
      return node.items.reduce((n, item) => n + automatonSize(item), node.items.length - 1);
    case 'repeat': {
      const one = Math.max(1, automatonSize(node.item));
      return node.max === Infinity ? (node.min + 1) * one + 1 : node.max * one + node.max - node.min;
    }
  }
}

/** One character tested by JavaScript's own engine, with the rule's flags; ASCII answers are kept. */
function charTest(source: string): CharTest {
  const re = new RegExp(`^(?:${source})$`, 'iu');
  const ascii = new Int8Array(128);
  return (text, pos, width) => {
    const code = text.charCodeAt(pos);
    if (width > 1 || code >= 128) return re.test(text.slice(pos, pos + width));
    if (!ascii[code]) ascii[code] = re.test(text[pos]!) ? 1 : -1;
    return ascii[code] > 0;
  };
}

/** Builds the automaton of the reversed pattern. Call only on a tree whose size was checked. */
export function buildAutomaton(tree: PatternNode): Automaton {
  const size = automatonSize(tree) + 1;
  const op = new Uint8Array(size);
  const out = new Int32Array(size);
  const out2 = new Int32Array(size);
  const tests: (CharTest | undefined)[] = [undefined];
  const known = new Map<string, CharTest>();
  const add = (kind: number, next: number, next2 = -1) => {
    const s = tests.length;
    tests.push(undefined);
    op[s] = kind;
    out[s] = next;
    out2[s] = next2;
    return s;
  };
  const compile = (node: PatternNode, next: number): number => {
    switch (node.kind) {
      case 'char': {
        const s = add(CHAR, next);
        tests[s] = known.get(node.source) ?? charTest(node.source);
        known.set(node.source, tests[s]);
        return s;
      }
      case 'assert':
        return add(ASSERT, next, ASSERTIONS.indexOf(node.at));
      case 'seq':
        // Reversed: the last item is read first.
        return node.items.reduce((s, item) => compile(item, s), next);
      case 'alt':
        return node.items.map((item) => compile(item, next)).reduce((right, left) => add(SPLIT, left, right));
      case 'repeat': {
        let s = next;
        if (node.max === Infinity) {
          s = add(SPLIT, -1, next);
          out[s] = compile(node.item, s);
        } else for (let k = node.min; k < node.max; k++) s = add(SPLIT, compile(node.item, s), next);
        for (let k = 0; k < node.min; k++) s = compile(node.item, s);
        return s;
      }
    }
  };
  const start = compile(tree, 0);
  return { op: op.slice(0, tests.length), out, out2, tests, start };
}
