/**
 * Send times carried in payloads: microseconds of `performance.now()` written in the letters a–p (one
 * per hex digit), after the word "bench". Letters only, so no redaction rule (cards, codes, keys) can
 * mask them; the sender and the receiver are the same process, so they share the clock.
 */
import { performance } from 'node:perf_hooks';

export const STAMP_WORD = 'bench ';
const MARK = Buffer.from(STAMP_WORD);
const A = 0x61;
const LETTERS = 'abcdefghijklmnop';

export function stampAt(ms: number): string {
  let n = Math.round(ms * 1000);
  let out = '';
  do {
    out = LETTERS[n & 15]! + out;
    n = Math.floor(n / 16);
  } while (n > 0);
  return out;
}

export function stampNow(): string {
  return stampAt(performance.now());
}

/** The send time (ms, performance.now()) carried in a received frame, or undefined. */
export function readStamp(data: Buffer): number | undefined {
  const at = data.indexOf(MARK);
  if (at < 0) return undefined;
  let n = 0;
  let i = at + MARK.length;
  for (; i < data.length; i++) {
    const digit = data[i]! - A;
    if (digit < 0 || digit > 15) break;
    n = n * 16 + digit;
  }
  return i === at + MARK.length ? undefined : n / 1000;
}
