/**
 * The redaction engine: masks secrets (payment cards, IBANs, one-time codes and passwords given in
 * context, API keys and tokens) in English and French text. ONE implementation, run in the widget
 * before a draft or message leaves the browser and on the server before anything is stored, relayed
 * or logged. Browser-safe: no dependencies, no Node APIs, no regex lookbehind (Safari 14).
 *
 * Detectors run from the most specific to the least (known key formats, IBANs, cards, keys in
 * context, codes, passwords, the admins' rules); a later one never takes text an earlier one took.
 */
import type { RedactionRule } from '../index';
import { findKeysInContext, findKnownKeys } from './api-keys';
import { findCards } from './cards';
import { findCodes } from './codes-in-context';
import { compileCustom, findCustom, ruleProblem, type CustomRule, type RefusedRule } from './custom-rules';
import { digitRuns } from './digit-runs';
import { findIbans } from './iban';
import { findPasswords } from './passwords-in-context';
import { lockPattern } from './placeholders';
import { spans as newSpans, type Span } from './spans';

export type SecretKind = 'card' | 'iban' | 'code' | 'password' | 'api_key' | 'custom';

export interface Redacted {
  /** The text with every secret replaced by its placeholder, e.g. "card •••• 4242", "[code hidden]". */
  text: string;
  /** What was masked, in order; never the secret itself. */
  found: { kind: SecretKind; label: string }[];
}

/** Admin rules compiled once; invalid ones are reported by validateRule and skipped here. */
export interface CompiledRules {
  readonly rules: readonly RedactionRule[];
  /** The valid rules, each compiled to an automaton that runs in linear time (custom-rules.ts). */
  readonly custom: readonly CustomRule[];
  /** Stored rules this engine will not run (saved by an older version), with the reason. */
  readonly refused: readonly RefusedRule[];
  /** Every placeholder redact may write with these rules: left as it is when redacting again. */
  readonly locked: RegExp;
}

export function compileRules(rules: readonly RedactionRule[] = []): CompiledRules {
  const compiled = compileCustom(rules);
  return { rules, ...compiled, locked: lockPattern(compiled.custom.map((r) => r.label)) };
}

/**
 * Why a custom rule cannot be used (bad regex, matches empty text, longer than 200 characters, a
 * backreference, a lookaround, a lazy quantifier, too large), or undefined when it is fine.
 */
export function validateRule(
  rule: Pick<RedactionRule, 'pattern' | 'validator' | 'label'>,
): string | undefined {
  return ruleProblem(rule);
}

const NO_RULES = compileRules();

function pass(text: string, rules: CompiledRules, held: readonly Span[] = []): Redacted {
  const spans = newSpans();
  if (/•|hidden\]/.test(text))
    for (const m of text.matchAll(rules.locked)) spans.lock(m.index, m.index + m[0].length);
  findKnownKeys(text, spans);
  findIbans(text, spans);
  const runs = digitRuns(text);
  findCards(text, spans, runs);
  findKeysInContext(text, spans);
  findCodes(text, spans, runs);
  findPasswords(text, spans);
  findCustom(text, spans, rules.custom);
  for (const span of held) spans.fill(span);
  return spans.apply(text);
}

/**
 * Idempotent: redact(redact(x).text).text === redact(x).text. Context rules measure distances, and a
 * placeholder is not as long as what it replaced, so the result is redacted again until nothing more
 * is found (in practice one extra pass when something was found; capped for safety).
 * `held`: what a draft holds back (see draft.ts), masked where no detector took it.
 */
export function redact(text: string, rules: CompiledRules = NO_RULES, held?: readonly Span[]): Redacted {
  let result = pass(text, rules, held);
  const found = result.found;
  for (let i = 0; i < 8 && result.found.length; i++) {
    result = pass(result.text, rules);
    found.push(...result.found);
  }
  return { text: result.text, found };
}
