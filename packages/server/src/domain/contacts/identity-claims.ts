/**
 * The claims of a host site's identity token, once its signature was checked (auth/identity-token.ts):
 * what Candor requires of them. `exp` is required and at most 10 minutes ahead, so a leaked token is
 * short-lived; `sub` is the site's user id; `email` and `name` are optional.
 */
import { DomainError } from '../errors';

/** How far ahead `exp` may be. */
export const IDENTITY_MAX_LIFETIME_MS = 10 * 60_000;
/** Clocks of the site and of Candor differ a little: so much is forgiven on `exp` (both ways). */
export const IDENTITY_CLOCK_SKEW_MS = 30_000;

export interface IdentityClaims {
  sub: string;
  email: string | null;
  name: string | null;
  /** exp, in epoch milliseconds: the token is remembered (for replays) until then. */
  expiresAt: number;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;

export function checkClaims(payload: Record<string, unknown>, now: number): IdentityClaims {
  const { sub, exp, email, name } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp))
    throw new DomainError('identity_invalid', 'The identity token has no exp.');
  const expiresAt = exp * 1000;
  if (expiresAt + IDENTITY_CLOCK_SKEW_MS <= now)
    throw new DomainError('identity_expired', 'The identity token has expired.');
  if (expiresAt > now + IDENTITY_MAX_LIFETIME_MS + IDENTITY_CLOCK_SKEW_MS)
    throw new DomainError(
      'identity_invalid',
      'The identity token lives too long: exp at most 10 minutes ahead.',
    );
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > 255)
    throw new DomainError('identity_invalid', 'The identity token has no valid sub (the user id).');
  if (email !== undefined && (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)))
    throw new DomainError('identity_invalid', 'The identity token has an invalid email.');
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '' || name.length > 100))
    throw new DomainError('identity_invalid', 'The identity token has an invalid name.');
  return {
    sub,
    email: typeof email === 'string' ? email.toLowerCase() : null,
    name: typeof name === 'string' ? name.trim() : null,
    expiresAt,
  };
}
