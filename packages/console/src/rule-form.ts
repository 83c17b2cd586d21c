/** The redaction rule form's checks, run before anything is sent; the server checks the same again. */
import { validateRule } from '@candor/protocol';
import type { RedactionRule } from '@candor/protocol';
import { sayAdmin, type AdminTextKey } from './admin-text';

export type RuleInput = Omit<RedactionRule, 'id'>;
export type Validator = RedactionRule['validator'];

export const VALIDATORS: readonly { value: Validator; label: AdminTextKey }[] = [
  { value: 'none', label: 'validatorNone' },
  { value: 'luhn', label: 'validatorLuhn' },
  { value: 'iban', label: 'validatorIban' },
];

export const LABEL_MAX = 40;
export const PATTERN_MAX = 200;

export function parseValidator(value: string): Validator {
  return value === 'luhn' || value === 'iban' ? value : 'none';
}

export interface RuleProblems {
  readonly label?: string;
  readonly pattern?: string;
}

function labelProblem(label: string): string | undefined {
  if (label === '') return sayAdmin('labelMissing');
  if (label.length > LABEL_MAX) return sayAdmin('labelTooLong', { max: LABEL_MAX });
  return undefined;
}

function patternProblem(rule: RuleInput): string | undefined {
  if (rule.pattern === '') return sayAdmin('patternMissing');
  if (rule.pattern.length > PATTERN_MAX) return sayAdmin('patternTooLong', { max: PATTERN_MAX });
  const why = validateRule(rule);
  // The reason comes from the protocol's checker, in English only.
  return why === undefined ? undefined : sayAdmin('patternRefused', { why });
}

/**
 * Why a saved rule is not applied, or undefined when it is: a rule saved by an older version that
 * this one refuses (it could not run in linear time) is skipped by the server and the widget alike.
 */
export function disabledReason(rule: RedactionRule): string | undefined {
  const why = validateRule(rule);
  return why === undefined ? undefined : sayAdmin('ruleDisabled', { why });
}

/** What is wrong with the rule, by field; empty when it can be sent. */
export function checkRule(rule: RuleInput): RuleProblems {
  const label = labelProblem(rule.label.trim());
  const pattern = patternProblem(rule);
  return { ...(label === undefined ? {} : { label }), ...(pattern === undefined ? {} : { pattern }) };
}

export function isValid(problems: RuleProblems): boolean {
  return problems.label === undefined && problems.pattern === undefined;
}
