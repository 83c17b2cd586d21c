/**
 * The shop's customers at start: Alice is locked out (five wrong passwords), Bob has two-step
 * verification on and lost the phone with his authenticator, Chloé can log in. Passwords are printed
 * by `npm run example`; they are hashed here like any other.
 */
import type { ShopAccount } from './accounts';
import { hashPassword } from './passwords';

export const DEMO_LOGINS = [
  {
    id: 'u-1001',
    username: 'alice',
    password: 'alice-lune-2026',
    name: 'Alice Martin',
    email: 'alice@example.com',
    phone: '+33 6 12 34 56 78',
    secondFactor: false,
    locked: true,
  },
  {
    id: 'u-1002',
    username: 'bob',
    password: 'bob-lune-2026',
    name: 'Bob Leroy',
    email: 'bob@example.com',
    phone: '+44 7700 900123',
    secondFactor: true,
    locked: false,
  },
  {
    id: 'u-1003',
    username: 'chloe',
    password: 'chloe-lune-2026',
    name: 'Chloé Dubois',
    email: 'chloe@example.com',
    phone: null,
    secondFactor: false,
    locked: false,
  },
] as const;

export async function demoAccounts(): Promise<ShopAccount[]> {
  return Promise.all(
    DEMO_LOGINS.map(async ({ password, ...a }) => ({
      ...a,
      passwordHash: await hashPassword(password),
      failedLogins: a.locked ? 5 : 0,
    })),
  );
}
