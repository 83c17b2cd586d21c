/**
 * Who runs this Candor, as the visitor's welcome tells the widget: the site's name (the "verified agent
 * of <site>" mark), the help centre's page where a support reference is checked, and whether account
 * recovery is offered (at least one account on file). That last answer is a store read, asked at every
 * visitor hello: each node keeps it for a minute, and concurrent hellos share one read.
 */
import type { Store } from '../storage/store';

export interface SiteWelcome {
  name: string;
  verifyUrl: string;
  recovery: boolean;
}

export const RECOVERY_ANSWER_TTL_MS = 60_000;
/** Where the help centre checks support references (help/verify-routes.ts). */
export const VERIFY_PATH = '/help/verify';

export class SiteInfo {
  readonly verifyUrl: string;
  private recovery: { value: Promise<boolean>; until: number } | undefined;

  constructor(
    readonly name: string,
    private readonly deps: {
      store: Pick<Store, 'hasHostAccounts'>;
      now(): number;
      /** CANDOR_PUBLIC_URL: the page's address is absolute with it, else relative to this server. */
      publicUrl: string | undefined;
    },
  ) {
    this.verifyUrl = `${deps.publicUrl ?? ''}${VERIFY_PATH}`;
  }

  async welcome(): Promise<SiteWelcome> {
    return { name: this.name, verifyUrl: this.verifyUrl, recovery: await this.recoveryOffered() };
  }

  private recoveryOffered(): Promise<boolean> {
    const now = this.deps.now();
    if (this.recovery === undefined || now >= this.recovery.until) {
      const value = this.deps.store.hasHostAccounts();
      // A failed read is not kept: the next hello asks again.
      value.catch(() => {
        if (this.recovery?.value === value) this.recovery = undefined;
      });
      this.recovery = { value, until: now + RECOVERY_ANSWER_TTL_MS };
    }
    return this.recovery.value;
  }
}
