/**
 * How a visitor was proven for an action, as the host is told in the decision webhook: the strongest
 * fresh proof for that account and purpose (a code to a current contact beats one to a contact
 * replaced lately), or none.
 */
import { VERIFICATION_VALID_MS, type RecoveryAction, type Verified } from './action-gate';

export type VerificationLevel = 'code_current' | 'code_recently_replaced' | 'none';

export function verificationLevel(
  verified: readonly Verified[],
  accountId: string,
  action: RecoveryAction,
  now: number,
): VerificationLevel {
  const fresh = verified.filter(
    (v) => v.accountId === accountId && v.purpose === action && now - v.at <= VERIFICATION_VALID_MS,
  );
  if (fresh.some((v) => v.standing === 'current')) return 'code_current';
  return fresh.length > 0 ? 'code_recently_replaced' : 'none';
}
