/**
 * Password hashes with scrypt (Node's built-in, no native addon to build). Parameters are stored in
 * the hash, so raising the cost later still verifies old hashes. Default cost 2^17, r=8, p=1: OWASP's
 * recommendation for scrypt.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export const DEFAULT_COST_LOG2 = 17;
const KEY_LENGTH = 32;

interface ScryptParams {
  costLog2: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, { costLog2, r, p }: ScryptParams): Promise<Buffer> {
  const N = 2 ** costLog2;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, costLog2 = DEFAULT_COST_LOG2): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { costLog2, r: 8, p: 1 });
  return ['scrypt', costLog2, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const params = { costLog2: Number(cost), r: Number(r), p: Number(p) };
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** 24 random bytes as base64url: about 192 bits, typeable, for generated admin and agent passwords. */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}
