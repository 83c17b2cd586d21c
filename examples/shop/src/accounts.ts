/**
 * The shop's own customer accounts, in memory (a real shop has its database). Every change is told to
 * the listeners, which is how the shop keeps Candor's copy of the contacts up to date (candor-sync.ts).
 */
export interface ShopAccount {
  /** The shop's user id: `sub` of the identity token and `externalId` in Candor. */
  id: string;
  username: string;
  name: string;
  email: string;
  phone: string | null;
  passwordHash: string;
  /** Two-step verification with an authenticator app. */
  secondFactor: boolean;
  locked: boolean;
  failedLogins: number;
}

/** Wrong passwords in a row that lock an account. */
export const MAX_FAILED_LOGINS = 5;

export type ContactChannel = 'email' | 'phone';

type Listener = (account: Readonly<ShopAccount>) => void;

export class AccountBook {
  private readonly accounts = new Map<string, ShopAccount>();
  private readonly listeners: Listener[] = [];

  constructor(accounts: ShopAccount[]) {
    for (const a of accounts) this.accounts.set(a.id, { ...a });
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  all(): Readonly<ShopAccount>[] {
    return [...this.accounts.values()];
  }

  find(id: string): Readonly<ShopAccount> | undefined {
    return this.accounts.get(id);
  }

  byUsername(username: string): Readonly<ShopAccount> | undefined {
    const wanted = username.trim().toLowerCase();
    return this.all().find((a) => a.username === wanted || a.email === wanted);
  }

  /** A wrong password: the fifth in a row locks the account. Answers whether it is now locked. */
  failedLogin(id: string): boolean {
    const a = this.get(id);
    a.failedLogins += 1;
    if (a.failedLogins >= MAX_FAILED_LOGINS && !a.locked) {
      a.locked = true;
      this.changed(a);
    }
    return a.locked;
  }

  succeededLogin(id: string): void {
    this.get(id).failedLogins = 0;
  }

  lock(id: string): void {
    const a = this.get(id);
    a.locked = true;
    this.changed(a);
  }

  unlock(id: string): void {
    const a = this.get(id);
    a.locked = false;
    a.failedLogins = 0;
    this.changed(a);
  }

  setSecondFactor(id: string, on: boolean): void {
    const a = this.get(id);
    a.secondFactor = on;
    this.changed(a);
  }

  replaceContact(id: string, channel: ContactChannel, value: string): void {
    const a = this.get(id);
    if (channel === 'email') a.email = value.trim().toLowerCase();
    else a.phone = value.trim();
    this.changed(a);
  }

  private get(id: string): ShopAccount {
    const a = this.accounts.get(id);
    if (!a) throw new Error(`no account ${id}`);
    return a;
  }

  private changed(a: ShopAccount): void {
    for (const l of this.listeners) l(a);
  }
}
