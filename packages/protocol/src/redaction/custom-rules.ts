import type { RedactionRule } from '../index';
import { isIban } from './iban';
import { luhn } from './luhn';
import { placeholder } from './placeholders';
import { automatonSize, buildAutomaton, type Automaton } from './rule-automaton';
import { furthestEnds, type Meter } from './rule-search';
import { matchesEmpty, parsePattern, PatternRefused, type PatternNode } from './rule-pattern';
import type { Spans } from './spans';

export interface CustomRule {
  readonly label: string;
  readonly validator: RedactionRule['validator'];
  readonly automaton: Automaton;
}

/** A stored rule this engine will not run, and why: skipped, and shown to admins as disabled. */
export interface RefusedRule {
  readonly rule: RedactionRule;
  readonly reason: string;
}

export const PATTERN_MAX = 200;
/** Automaton states per rule: each costs at most 2 steps per character of text. */
export const RULE_STATES_MAX = 500;
/** States of all rules together, match states included: no text costs over 4,000 steps a character. */
export const RULES_STATES_MAX = 2000;

/** The rule's tree, or why it cannot be used. */
function read(pattern: string): PatternNode | string {
  if (pattern.length > PATTERN_MAX) return `longer than ${PATTERN_MAX} characters`;
  try {
    new RegExp(pattern, 'iu'); // JavaScript's own syntax errors, worded by the browser or Node
  } catch (err) {
    return err instanceof Error ? err.message : 'invalid pattern';
  }
  let tree: PatternNode;
  try {
    tree = parsePattern(pattern);
  } catch (err) {
    if (err instanceof PatternRefused) return err.message;
    throw err;
  }
  if (matchesEmpty(tree)) return 'matches empty text';
  const size = automatonSize(tree);
  if (size > RULE_STATES_MAX)
    return `too large once its repetitions are counted out (${size} states, at most ${RULE_STATES_MAX}): use smaller counts in {n,m}`;
  return tree;
}

/** Why an admin's rule cannot be used, or undefined when it is fine. */
export function ruleProblem(rule: Pick<RedactionRule, 'pattern'>): string | undefined {
  const tree = read(rule.pattern);
  return typeof tree === 'string' ? tree : undefined;
}

/** The rule's automaton and its size, or why it cannot be used with `room` states left. */
function compileOne(pattern: string, room: number): { automaton: Automaton; size: number } | string {
  const tree = read(pattern);
  if (typeof tree === 'string') return tree;
  const size = automatonSize(tree) + 1; // and its match state
  if (size > room)
    return `all rules together would be too large (this one takes ${size} states, ${room} of ${RULES_STATES_MAX} are left): delete a rule or make this one smaller`;
  try {
    return { automaton: buildAutomaton(tree), size };
  } catch (err) {
    // A rule stored by an older version must not stop a node: whatever goes wrong is a reason.
    return err instanceof Error ? err.message : 'invalid pattern';
  }
}

/**
 * Compiles the rules that can run, in order, within RULES_STATES_MAX states in all; the others are
 * returned with their reason, never thrown.
 */
export function compileCustom(rules: readonly RedactionRule[]): {
  custom: CustomRule[];
  refused: RefusedRule[];
} {
  const custom: CustomRule[] = [];
  const refused: RefusedRule[] = [];
  let states = 0;
  for (const rule of rules) {
    const compiled = compileOne(rule.pattern, RULES_STATES_MAX - states);
    if (typeof compiled === 'string') refused.push({ rule, reason: compiled });
    else {
      states += compiled.size;
      custom.push({ label: rule.label, validator: rule.validator, automaton: compiled.automaton });
    }
  }
  return { custom, refused };
}

export interface Match {
  readonly start: number;
  readonly end: number;
}

/**
 * Where the rule matches: leftmost first, each match as long as it can be, none overlapping. Linear
 * in the text whatever the pattern (see rule-automaton.ts); `meter` counts the steps, for tests.
 */
export function customMatches(rule: CustomRule, text: string, meter?: Meter): Match[] {
  const ends = furthestEnds(rule.automaton, text, meter);
  const found: Match[] = [];
  for (let p = 0; p < text.length; p++) {
    const end = ends[p]!;
    if (end > p) {
      found.push({ start: p, end });
      p = end - 1;
    }
  }
  return found;
}

function valid(match: string, validator: RedactionRule['validator']): boolean {
  if (validator === 'luhn') return luhn(match.replace(/\D/g, ''));
  if (validator === 'iban') return isIban(match.replace(/[^a-z\d]/gi, '').toUpperCase());
  return true;
}

/** The admins' own rules, last: they may not take what a built-in rule took. */
export function findCustom(text: string, spans: Spans, rules: readonly CustomRule[]): void {
  for (const rule of rules)
    for (const match of customMatches(rule, text))
      if (valid(text.slice(match.start, match.end), rule.validator)) {
        const label = rule.label;
        spans.take({ ...match, kind: 'custom', label, placeholder: placeholder.custom(label) });
      }
}
