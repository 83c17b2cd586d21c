/**
 * Guessing passwords is limited per account (the email tried, known or not, so a refusal reveals
 * nothing) and per address (IPv6 by /64), with delays that double, held in the store so every node
 * counts the same attempts. Each attempt is counted before the password is checked: parallel guesses
 * cannot all pass while the first ones are still being verified.
 */
import { createHash } from 'node:crypto';
import { addressGroup } from '../domain/address-group';
import { DomainError } from '../domain/errors';
import { backoff, refund, type BackoffPolicy } from '../domain/rate-limits';
import { amendSlot, takeSlot } from '../limits/shared-limit';
import type { RateStore } from '../storage/rate-store';

const MINUTE = 60_000;
/** One person mistyping: five tries, then 30 s, 1 min, 2 min… up to 15 min; forgotten after a quiet hour. */
export const ACCOUNT_POLICY: BackoffPolicy = {
  free: 5,
  baseMs: 30_000,
  maxMs: 15 * MINUTE,
  forgetMs: 60 * MINUTE,
};
/** An office behind one address holds many agents; successful logins are given back. */
export const ADDRESS_POLICY: BackoffPolicy = {
  free: 20,
  baseMs: 30_000,
  maxMs: 15 * MINUTE,
  forgetMs: 60 * MINUTE,
};

export interface LoginAttempt {
  email: string;
  ip: string;
}

function keys({ email, ip }: LoginAttempt): { account: string; address: string } {
  // The email is hashed: the table holds no addresses of people, and keys stay short.
  const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  return { account: `login:account:${account}`, address: `login:address:${addressGroup(ip)}` };
}

/** Counts the attempt, or throws rate_limited (with when to retry) if the account or address is blocked. */
export async function admitLogin(store: RateStore, attempt: LoginAttempt, now: number): Promise<void> {
  const { account, address } = keys(attempt);
  // The address first: a blocked address spends none of the account's attempts.
  const byAddress = await takeSlot(store, address, { rule: backoff(ADDRESS_POLICY), now });
  if (!byAddress.ok) throw tooMany(byAddress.retryAfterMs, 'from this address');
  const byAccount = await takeSlot(store, account, { rule: backoff(ACCOUNT_POLICY), now });
  if (!byAccount.ok) throw tooMany(byAccount.retryAfterMs, 'for this account');
}

/** The right password: the account starts afresh, and the address gets its attempt back. */
export async function loginSucceeded(store: RateStore, attempt: LoginAttempt): Promise<void> {
  const { account, address } = keys(attempt);
  await store.deleteLimit(account);
  await amendSlot(store, address, (state) => refund(state, ADDRESS_POLICY));
}

function tooMany(retryAfterMs: number, where: string): DomainError {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return new DomainError(
    'rate_limited',
    `Too many login attempts ${where}; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    retryAfterMs,
  );
}
