/**
 * Who is logged in to the shop: a random token in an HttpOnly cookie, mapped to the account in memory.
 * Sessions end on logout, after 8 hours, and when the account is locked (a thief's session included).
 */
import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'shop_session';
export const SESSION_TTL_MS = 8 * 60 * 60_000;

interface Session {
  accountId: string;
  expiresAt: number;
}

export class Sessions {
  private readonly byToken = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  start(accountId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { accountId, expiresAt: this.now() + SESSION_TTL_MS });
    return token;
  }

  accountOf(token: string | undefined): string | undefined {
    if (token === undefined) return undefined;
    const s = this.byToken.get(token);
    if (!s) return undefined;
    if (s.expiresAt <= this.now()) {
      this.byToken.delete(token);
      return undefined;
    }
    return s.accountId;
  }

  end(token: string | undefined): void {
    if (token !== undefined) this.byToken.delete(token);
  }

  endAllOf(accountId: string): void {
    for (const [token, s] of this.byToken) if (s.accountId === accountId) this.byToken.delete(token);
  }
}
