/**
 * What each side sees of a recovery case's codes: the visitor, only that a code was asked for and when
 * it was proven (never whether the account exists); agents, each code's status. And what a try's
 * outcome is called on the wire.
 */
import type { CodeOutcome, RecoveryPurpose } from './recovery-code';
import { CODE_POLICY } from './recovery-code';

export interface CodeState {
  issuedAt: number;
  expiresAt: number;
  tries: number;
  usedAt: number | null;
}

export interface VisitorState {
  codeRequestedAt: number | null;
  codeExpiresAt: number | null;
  verifiedAt: number | null;
}

export function visitorState(codes: readonly CodeState[], proofs: readonly { at: number }[]): VisitorState {
  let latest: CodeState | undefined;
  for (const c of codes) if (!latest || c.issuedAt >= latest.issuedAt) latest = c;
  let verifiedAt: number | null = null;
  for (const p of proofs) if (verifiedAt === null || p.at > verifiedAt) verifiedAt = p.at;
  return {
    codeRequestedAt: latest?.issuedAt ?? null,
    codeExpiresAt: latest?.expiresAt ?? null,
    verifiedAt,
  };
}

export type CodeStatus = 'pending' | 'verified' | 'expired' | 'used_up';

export function codeStatus(c: CodeState, now: number): CodeStatus {
  if (c.usedAt !== null) return 'verified';
  if (c.tries >= CODE_POLICY.triesPerCode) return 'used_up';
  if (now >= c.expiresAt) return 'expired';
  return 'pending';
}

/** A code a try may still verify: unused, unexpired, tries left. */
export const isLive = (c: CodeState, now: number) => codeStatus(c, now) === 'pending';

export type WireOutcome = 'verified' | 'wrong' | 'expired' | 'too_many_tries';

/**
 * A used code reads as expired (it no longer works); one for another binding as wrong: neither says
 * more than the visitor could already know.
 */
export function wireOutcome(o: CodeOutcome): WireOutcome {
  switch (o) {
    case 'verified':
    case 'wrong':
    case 'expired':
      return o;
    case 'exhausted':
      return 'too_many_tries';
    case 'already_used':
      return 'expired';
    case 'not_for_this':
      return 'wrong';
  }
}

/** Without a live code to try, what the visitor is told: about the newest code, else wrong. */
export function outcomeWithoutLiveCode(codes: readonly CodeState[], now: number): WireOutcome {
  let latest: CodeState | undefined;
  for (const c of codes) if (!latest || c.issuedAt >= latest.issuedAt) latest = c;
  if (!latest) return 'wrong';
  const status = codeStatus(latest, now);
  return status === 'used_up' ? 'too_many_tries' : status === 'pending' ? 'wrong' : 'expired';
}

export type { RecoveryPurpose };
