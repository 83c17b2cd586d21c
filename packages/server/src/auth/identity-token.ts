/**
 * Checks a host site's identity token: a JWT signed with HS256 by the inbox's secret, verified with
 * `jose` (pure JS, no install script, widely audited). Only HS256 is accepted, so `alg: none` and
 * algorithm swaps are refused by the library before any claim is read; the claims are then checked by
 * the domain (exp at most 10 minutes ahead, sub required). Replays are decided in the store
 * (commands/sign-in-visitor.ts), not here: this is pure CPU work.
 */
import { errors, jwtVerify } from 'jose';
import { checkClaims, IDENTITY_CLOCK_SKEW_MS, type IdentityClaims } from '../domain/contacts/identity-claims';
import { DomainError } from '../domain/errors';

export async function verifyIdentityToken(
  token: string,
  secret: string | null,
  now: number,
): Promise<IdentityClaims> {
  if (secret === null)
    throw new DomainError('identity_invalid', 'This inbox has no identity secret: signed identity is off.');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
      currentDate: new Date(now),
      clockTolerance: IDENTITY_CLOCK_SKEW_MS / 1000,
    }));
  } catch (err) {
    if (err instanceof errors.JWTExpired)
      throw new DomainError('identity_expired', 'The identity token has expired.');
    if (err instanceof errors.JOSEAlgNotAllowed)
      throw new DomainError('identity_invalid', 'The identity token must be signed with HS256.');
    if (err instanceof errors.JWSSignatureVerificationFailed)
      throw new DomainError('identity_invalid', 'The identity token signature does not match the secret.');
    throw new DomainError('identity_invalid', 'The identity token is not a valid JWT.');
  }
  return checkClaims(payload, now);
}
