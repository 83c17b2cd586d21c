/**
 * Keeps Candor's copy of the shop's accounts up to date: `PUT /api/v1/accounts/{externalId}` with the
 * shop's API token (scope accounts:write), on start and on every change. These contacts are the only
 * places Candor will ever send a recovery code, so a change must reach it: a PUT that fails is tried
 * again (every `retryMs`) until one succeeds. Candor keeps a replaced contact on file for a while,
 * which is what stops a thief who changed the email first.
 */
import type { PutAccountBody } from '@candor/protocol';
import type { ShopAccount } from './accounts';

export interface CandorSyncOptions {
  /** Candor's base URL, e.g. http://localhost:3000 */
  candorUrl: string;
  apiToken: string;
  log: (text: string) => void;
  retryMs?: number;
  fetch?: typeof fetch;
}

interface Versioned {
  body: PutAccountBody;
  version: number;
}

export function accountBody(a: Readonly<ShopAccount>): PutAccountBody {
  // The API has no way to remove a contact (absent means unchanged): the shop only ever replaces them.
  return { name: a.name, email: a.email, ...(a.phone ? { phone: a.phone } : {}) };
}

export class CandorSync {
  /** Accounts whose latest PUT failed, with that body, to send again. */
  private readonly pending = new Map<string, Versioned>();
  /** Per account, the version of the latest body: an older PUT never undoes a newer one. */
  private readonly versions = new Map<string, number>();
  /** Per account, the PUT in flight: one at a time, in order, so Candor sees the changes in order. */
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: CandorSyncOptions) {}

  /** PUTs the account now; answers whether Candor took it (if not, it is tried again later). */
  async push(account: Readonly<ShopAccount>): Promise<boolean> {
    const version = (this.versions.get(account.id) ?? 0) + 1;
    this.versions.set(account.id, version);
    return this.inOrder(account.id, { body: accountBody(account), version });
  }

  async pushAll(accounts: readonly Readonly<ShopAccount>[]): Promise<number> {
    const results = await Promise.all(accounts.map((a) => this.push(a)));
    return results.filter(Boolean).length;
  }

  /** Accounts Candor has not taken yet. */
  pendingIds(): string[] {
    return [...this.pending.keys()];
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private inOrder(id: string, put: Versioned): Promise<boolean> {
    const previous = this.inFlight.get(id) ?? Promise.resolve(true);
    const next = previous.then(() => this.send(id, put));
    this.inFlight.set(id, next);
    void next.finally(() => {
      if (this.inFlight.get(id) === next) this.inFlight.delete(id);
    });
    return next;
  }

  private async send(id: string, put: Versioned): Promise<boolean> {
    const { candorUrl, apiToken, log } = this.options;
    const doFetch = this.options.fetch ?? fetch;
    let problem: string;
    try {
      const res = await doFetch(`${candorUrl}/api/v1/accounts/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(put.body),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) {
        if ((this.pending.get(id)?.version ?? 0) <= put.version) this.pending.delete(id);
        return true;
      }
      problem = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
    if (put.version < (this.versions.get(id) ?? 0)) return false; // a newer body is on its way
    this.pending.set(id, put);
    log(`Sync of ${id} to Candor failed (${problem}); will try again.`);
    this.scheduleRetry();
    return false;
  }

  private scheduleRetry(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const [id, put] of this.pending) void this.inOrder(id, put);
    }, this.options.retryMs ?? 5_000);
    this.timer.unref();
  }
}
