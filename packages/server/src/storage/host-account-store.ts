/**
 * What the Store keeps for the host site's back end (issue 14): API tokens by hash, and accounts with
 * their contact history. Part of the Store seam; covered by contract/host-accounts.contract.ts on both
 * stores.
 */
import type { ApiTokenScope } from '@candor/protocol';
import type { ContactChannel, ContactVersion } from '../domain/recovery/contact-on-file';

export interface ApiTokenRecord {
  id: string;
  name: string;
  tokenHash: string;
  scopes: ApiTokenScope[];
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface HostAccountRecord {
  externalId: string;
  name: string | null;
  /** The current value of each channel, if any. */
  email: string | null;
  phone: string | null;
  updatedAt: number;
}

export interface AccountChange {
  name?: string;
  contacts: Partial<Record<ContactChannel, string>>;
}

export interface HostAccountStore {
  createApiToken(token: ApiTokenRecord): Promise<void>;
  listApiTokens(): Promise<ApiTokenRecord[]>;
  /** A token that is not revoked, by its hash. */
  findApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  /** False when there is no such token or it was revoked already. */
  revokeApiToken(id: string, now: number): Promise<boolean>;
  /** Records use at most once a minute per token, so a busy back end does not write on every call. */
  touchApiToken(id: string, now: number): Promise<void>;

  /**
   * Creates or updates the account; a contact given with a new value replaces the current one (kept on
   * file with its replacement time), the same value changes nothing. Atomic per account.
   */
  putHostAccount(externalId: string, change: AccountChange, now: number): Promise<HostAccountRecord>;
  findHostAccount(externalId: string): Promise<HostAccountRecord | undefined>;
  /** Every value the account's contacts have had, oldest first. */
  accountContactHistory(externalId: string): Promise<ContactVersion[]>;
  /** Whether any account is on file: the widget offers account recovery only then. */
  hasHostAccounts(): Promise<boolean>;
}
