/**
 * Recovery codes, the rules only: how a code looks, how long it lives, how many tries it takes, and
 * what one try does to it. The command draws the digits from a CSPRNG, keeps only a hash, compares in
 * constant time and hands this module the result; the store swaps the code's state atomically, so two
 * tries at once (two nodes) never both count as the last one. Send and failure limits per account are
 * shared limits (rate-limits.ts) under the keys given here.
 */
import { fixedWindow, type LimitRule } from '../rate-limits';

export type RecoveryPurpose = 'unlock' | 'reset_second_factor' | 'change_contact';

export const CODE_POLICY = {
  digits: 6,
  ttlMs: 10 * 60_000,
  triesPerCode: 5,
  sendsPerHourPerAccount: 3,
  failuresPerDayPerAccount: 10,
  /**
   * Every try is audited, including those that cannot be evaluated (no live code, malformed): this caps
   * what one conversation can write. Above what honest use needs (3 sends an hour, 5 tries each).
   */
  triesPerHourPerConversation: 30,
} as const;

/** A code as the store keeps it (its hash aside): bound to one conversation, account and purpose. */
export interface IssuedCode {
  conversationId: string;
  accountId: string;
  purpose: RecoveryPurpose;
  issuedAt: number;
  expiresAt: number;
  tries: number;
  usedAt: number | null;
}

export interface CodeTry {
  conversationId: string;
  accountId: string;
  purpose: RecoveryPurpose;
  /** Whether the typed code's hash matched, compared in constant time by the caller. */
  matches: boolean;
  now: number;
}

export type CodeOutcome =
  | 'verified'
  | 'wrong'
  /** Past its ten minutes. */
  | 'expired'
  | 'already_used'
  /** Its tries are spent: a new code must be sent. */
  | 'exhausted'
  /** Issued for another conversation, account or purpose: never accepted here, and not counted on it. */
  | 'not_for_this';

/**
 * One try at a code. Only a try at the right binding counts against the code; a code that can no longer
 * verify anything (expired, used, spent) is refused without looking at the digits, so guessing at it
 * learns nothing.
 */
export function tryCode(code: IssuedCode, attempt: CodeTry): { outcome: CodeOutcome; next: IssuedCode } {
  const same = { outcome: 'not_for_this' as CodeOutcome, next: code };
  if (
    code.conversationId !== attempt.conversationId ||
    code.accountId !== attempt.accountId ||
    code.purpose !== attempt.purpose
  )
    return same;
  if (code.usedAt !== null) return { outcome: 'already_used', next: code };
  if (attempt.now >= code.expiresAt) return { outcome: 'expired', next: code };
  if (code.tries >= CODE_POLICY.triesPerCode) return { outcome: 'exhausted', next: code };
  const tried = { ...code, tries: code.tries + 1 };
  if (!attempt.matches) return { outcome: 'wrong', next: tried };
  return { outcome: 'verified', next: { ...tried, usedAt: attempt.now } };
}

export function issueCode(
  binding: Pick<IssuedCode, 'conversationId' | 'accountId' | 'purpose'>,
  now: number,
): IssuedCode {
  return { ...binding, issuedAt: now, expiresAt: now + CODE_POLICY.ttlMs, tries: 0, usedAt: null };
}

/** The digits of a uniformly drawn integer in [0, 10^digits), zero-padded: "004217" is a fine code. */
export function codeDigits(drawn: number, digits: number = CODE_POLICY.digits): string {
  if (!Number.isInteger(drawn) || drawn < 0 || drawn >= 10 ** digits)
    throw new RangeError(`a ${digits}-digit code needs an integer in [0, 10^${digits})`);
  return String(drawn).padStart(digits, '0');
}

/** What a visitor types, as compared: spaces and dashes people add while reading a code out are dropped. */
export function typedCode(text: string): string | undefined {
  const digits = text.replace(/[\s\-\u2010-\u2015.]/g, '');
  return /^\d{6,10}$/.test(digits) ? digits : undefined;
}

/** Shared limits per account (held in the store across nodes, limits/shared-limit.ts). */
/** Keyed by account, except `tries`, keyed by conversation. */
export const CODE_LIMITS: Record<
  'sends' | 'failures' | 'tries',
  { key: (id: string) => string; rule: LimitRule }
> = {
  sends: {
    key: (accountId) => `recovery-code-send:${accountId}`,
    rule: fixedWindow({ limit: CODE_POLICY.sendsPerHourPerAccount, windowMs: 60 * 60_000 }),
  },
  failures: {
    key: (accountId) => `recovery-code-failure:${accountId}`,
    rule: fixedWindow({ limit: CODE_POLICY.failuresPerDayPerAccount, windowMs: 24 * 60 * 60_000 }),
  },
  tries: {
    key: (conversationId) => `recovery-code-try:${conversationId}`,
    rule: fixedWindow({ limit: CODE_POLICY.triesPerHourPerConversation, windowMs: 60 * 60_000 }),
  },
};
