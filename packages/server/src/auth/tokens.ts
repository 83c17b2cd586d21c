import { createHash, randomBytes } from 'node:crypto';

/** Bearer secrets (session cookies, visitor tokens): 256 random bits. Only their hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
