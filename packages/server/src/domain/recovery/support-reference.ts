/**
 * Support references: a short code an agent gives a customer ("CND-7K4Q-92XM") that the help centre's
 * /verify page confirms as genuine and current, so someone claiming to be support by phone or email can
 * be checked. Crockford's base32 (no I, L, O, U: nothing to misread aloud), 40 bits drawn by the caller
 * from a CSPRNG; the store keeps a hash, the agent, the conversation and the expiry.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_TTL_MS = 24 * 60 * 60_000;

/** Eight base32 characters from 5 random bytes, written CND-XXXX-XXXX. */
export function formatReference(bytes: Uint8Array): string {
  if (bytes.length !== 5) throw new RangeError('a support reference takes exactly 5 random bytes');
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return `CND-${out.slice(0, 4)}-${out.slice(4)}`;
}

/**
 * What a customer typed, as stored references are written, or undefined when it cannot be one: case,
 * spaces and dashes are forgiven, and O/I/L read as the digits they look like (Crockford's rule).
 */
export function normaliseReference(typed: string): string | undefined {
  const chars = typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/^CND/, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(chars)) return undefined;
  return `CND-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function isCurrent(reference: { issuedAt: number; revokedAt: number | null }, now: number): boolean {
  return (
    reference.revokedAt === null && now >= reference.issuedAt && now - reference.issuedAt < REFERENCE_TTL_MS
  );
}
