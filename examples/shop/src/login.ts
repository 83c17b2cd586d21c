/**
 * The shop's login: password (scrypt), then the authenticator code when two-step verification is on.
 * Five wrong tries in a row lock the account; a locked account refuses even the right password, which
 * is the customer the recovery chat is for. An unknown username and a wrong password answer alike.
 */
import { checkPassword, dummyHash } from './passwords';
import type { AccountBook, ShopAccount } from './accounts';

/**
 * The demo has no authenticator app: every account with two-step verification on accepts this code,
 * printed with the demo logins (Bob "lost his phone": pretend you do not know it).
 */
export const DEMO_AUTHENTICATOR_CODE = '246810';

export type LoginResult =
  { ok: true; account: Readonly<ShopAccount> } | { ok: false; why: 'wrong' | 'locked' | 'code_needed' };

export interface LoginForm {
  username: string;
  password: string;
  code?: string | undefined;
}

export async function logIn(book: AccountBook, form: LoginForm): Promise<LoginResult> {
  const account = book.byUsername(form.username);
  if (!account) {
    await checkPassword(form.password, await dummyHash());
    return { ok: false, why: 'wrong' };
  }
  if (account.locked) return { ok: false, why: 'locked' };
  if (!(await checkPassword(form.password, account.passwordHash))) {
    return { ok: false, why: book.failedLogin(account.id) ? 'locked' : 'wrong' };
  }
  if (account.secondFactor) {
    const code = form.code?.replace(/\s/g, '') ?? '';
    if (code === '') return { ok: false, why: 'code_needed' };
    if (code !== DEMO_AUTHENTICATOR_CODE)
      return { ok: false, why: book.failedLogin(account.id) ? 'locked' : 'wrong' };
  }
  book.succeededLogin(account.id);
  return { ok: true, account };
}
