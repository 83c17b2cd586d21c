/**
 * Runs a rule's automaton in time linear in the text: simulated right to left over the whole text
 * once, holding each state at most once per position (no backtracking, so no input can make it slow).
 * The one pass tells, for every position, the furthest end of a match starting there. At most
 * 2 × states steps per character, and states are capped when the rule is saved.
 */
import { ASSERT, ASSERTIONS, CHAR, SPLIT, type Automaton } from './rule-automaton';

/** Counts the work done, for tests: the engine promises at most 2 × states × (length + 1) steps. */
export interface Meter {
  steps: number;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** \w as JavaScript reads it with flags 'iu': ASCII word characters, and ſ and K, which fold to them. */
function isWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN outside the text
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    c === 0x17f ||
    c === 0x212a
  );
}

function holds(assertion: number, text: string, pos: number): boolean {
  const at = ASSERTIONS[assertion];
  if (at === '^') return pos === 0;
  if (at === '$') return pos === text.length;
  return (isWord(text, pos - 1) !== isWord(text, pos)) === (at === 'b');
}

/**
 * For each position p of the text, the furthest end of a match starting at p, or -1. Threads carry
 * the end they started from; at each position the threads are kept furthest end first, so the first
 * to reach a state keeps it and the first to reach the MATCH (state 0) has the furthest end.
 */
export function furthestEnds(automaton: Automaton, text: string, meter?: Meter): Int32Array {
  const op = automaton.op;
  const out = automaton.out;
  const out2 = automaton.out2;
  const tests = automaton.tests;
  const size = op.length;
  const ends = new Int32Array(text.length + 1).fill(-1);
  const seen = new Int32Array(size);
  let list = new Int32Array(size);
  let tags = new Int32Array(size);
  let count = 0;
  let next = new Int32Array(size);
  let nextTags = new Int32Array(size);
  let nextCount = 0;
  const stack = new Int32Array(2 * size + 2);
  let generation = 1;
  let steps = 0;

  const enter = (from: number, tag: number, pos: number) => {
    let top = 0;
    stack[top++] = from;
    while (top > 0) {
      const s = stack[--top]!;
      if (seen[s] === generation) continue;
      seen[s] = generation;
      steps++;
      const kind = op[s];
      if (kind === SPLIT) {
        stack[top++] = out2[s]!;
        stack[top++] = out[s]!;
      } else if (kind === ASSERT) {
        if (holds(out2[s]!, text, pos)) stack[top++] = out[s]!;
      } else {
        if (s === 0 && ends[pos]! < 0) ends[pos] = tag;
        next[nextCount] = s;
        nextTags[nextCount++] = tag;
      }
    }
  };

  let pos = text.length;
  enter(automaton.start, pos, pos);
  while (pos > 0) {
    const spare = list;
    const spareTags = tags;
    list = next;
    tags = nextTags;
    count = nextCount;
    next = spare;
    nextTags = spareTags;
    nextCount = 0;
    const width = pos >= 2 && isLow(text.charCodeAt(pos - 1)) && isHigh(text.charCodeAt(pos - 2)) ? 2 : 1;
    pos -= width;
    generation++;
    for (let k = 0; k < count; k++) {
      const s = list[k]!;
      steps++;
      if (op[s] === CHAR && tests[s]!(text, pos, width)) enter(out[s]!, tags[k]!, pos);
    }
    enter(automaton.start, pos, pos);
  }
  if (meter) meter.steps += steps;
  return ends;
}
