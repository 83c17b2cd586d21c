/**
 * How a recovery code is kept: HMAC-SHA256 under a key every node reads from the store, never the code.
 * Why a keyed fast hash rather than a salted slow one: a 6-digit code has a million values, which no
 * affordable slow hash protects from someone holding the row (a million scrypt calls is hours on one
 * core, minutes on a few), while it would cost the server a slow hash on every guess, so guessing would
 * become a way to burn its CPU. What protects a code is its ten minutes, its five tries and the
 * per-account limits; the key keeps a leaked row of recovery_codes (a backup, a log of SQL) from
 * giving the code by enumeration without the key.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../../storage/store';
import type { ChatContext } from '../context';

const keys = new WeakMap<Store, Promise<Buffer>>();

function keyOf(ctx: ChatContext): Promise<Buffer> {
  let key = keys.get(ctx.store);
  if (!key) {
    key = ctx.store
      .sharedSecret('recovery-code-key', randomBytes(32).toString('base64'), ctx.now())
      .then((k) => Buffer.from(k, 'base64'));
    // A failed read is not remembered: the next code asks again.
    void key.catch(() => keys.delete(ctx.store));
    keys.set(ctx.store, key);
  }
  return key;
}

export async function hashCode(ctx: ChatContext, code: string): Promise<string> {
  return createHmac('sha256', await keyOf(ctx))
    .update(code)
    .digest('hex');
}

/** Constant time over the hash's fixed length: a malformed stored hash simply does not match. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
