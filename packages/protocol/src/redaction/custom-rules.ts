import type { RedactionRule } from '../index';
import { isIban } from './iban';
import { luhn } from './luhn';
import { placeholder } from './placeholders';
import type { Spans } from './spans';

export interface CustomRule {
  readonly label: string;
  readonly validator: RedactionRule['validator'];
  readonly re: RegExp;
}

const QUANTIFIED = /[+*]|\{\d*,/;
const NESTED = /\([^()]*(?:[+*]|\{\d*,)[^()]*\)(?:[+*]|\{\d+,\})/;

/** A group repeated without bound holding a quantifier, as in (a+)+ or (\d{1,3}.?)*: may take exponential time. */
function nestedQuantifiers(pattern: string): boolean {
  let s = pattern.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  for (let prev = ''; s !== prev;) {
    if (NESTED.test(s)) return true;
    prev = s;
    s = s.replace(/\(([^()]*)\)/g, (_, inner: string) => (QUANTIFIED.test(inner) ? 'x+' : 'x'));
  }
  return false;
}

/** Why an admin's rule cannot be used, or undefined when it is fine. */
export function ruleProblem(rule: Pick<RedactionRule, 'pattern'>): string | undefined {
  const pattern = rule.pattern;
  if (pattern.length > 200) return 'longer than 200 characters';
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'giu');
  } catch (err) {
    return err instanceof Error ? err.message : 'invalid pattern';
  }
  if (['', 'a 1 é_-.'].some((s) => [...s.matchAll(re)].some((m) => !m[0]))) return 'matches empty text';
  if (nestedQuantifiers(pattern)) return 'nested quantifiers, as in (a+)+';
  return undefined;
}

function valid(match: string, validator: RedactionRule['validator']): boolean {
  if (validator === 'luhn') return luhn(match.replace(/\D/g, ''));
  if (validator === 'iban') return isIban(match.replace(/[^a-z\d]/gi, '').toUpperCase());
  return true;
}

/** The admins' own rules, last: they may not take what a built-in rule took. */
export function findCustom(text: string, spans: Spans, rules: readonly CustomRule[]): void {
  for (const rule of rules)
    for (const m of text.matchAll(rule.re))
      if (m[0] && valid(m[0], rule.validator)) {
        const label = rule.label;
        spans.take({
          start: m.index,
          end: m.index + m[0].length,
          kind: 'custom',
          label,
          placeholder: placeholder.custom(label),
        });
      }
}
