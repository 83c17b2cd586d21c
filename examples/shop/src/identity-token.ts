/**
 * The signed identity Candor's widget carries for a logged-in customer: a JWT signed with HS256 by the
 * inbox's identity secret (what Candor checks: packages/server/src/auth/identity-token.ts). `sub` is the
 * shop's user id, the same as the account's `externalId` in Candor, so an agent sees whether the
 * signed-in customer is the account they ask about. Built with node:crypto: a JWT is three base64url
 * parts and one HMAC, not worth a dependency.
 */
import { createHmac, randomUUID } from 'node:crypto';

/**
 * Candor accepts `exp` at most 10 minutes ahead, and each token once (by the token itself): each page
 * view signs a new one, with a random `jti` so two views in the same second differ.
 */
export const IDENTITY_LIFETIME_S = 10 * 60;

export interface IdentityClaims {
  sub: string;
  email?: string;
  name?: string;
}

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signIdentityToken(secret: string, claims: IdentityClaims, now: number = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, iat, exp: iat + IDENTITY_LIFETIME_S, jti: randomUUID() })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
