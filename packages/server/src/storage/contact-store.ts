/** The Store's part for contacts and signed identity (issue 12); the contract is contract/contact.contract.ts. */
import type { ContactRecord, InboxContactSettings, PageRecord, VisitorRecord } from '../domain/types';
import type { InboxContactPatch, SignIn } from './identity-queries';

export type { InboxContactPatch, SignIn };

export interface ContactStore {
  findContact(visitorId: string): Promise<ContactRecord | undefined>;
  /** Stores a typed name/email as self-declared; undefined for a signed (left unchanged) or unknown visitor. */
  declareContact(
    visitorId: string,
    given: { name?: string; email?: string },
  ): Promise<ContactRecord | undefined>;
  /** The browser's language and time zone, written only when they changed. */
  noteBrowser(visitorId: string, facts: { language: string | null; timeZone: string | null }): Promise<void>;
  /** Appends a page unless it repeats the last one; keeps the `keep` newest. false when nothing was added. */
  recordPage(visitorId: string, page: PageRecord, keep: number): Promise<boolean>;
  /** Newest first. */
  listPages(visitorId: string, limit: number): Promise<PageRecord[]>;
  /** The visitor of this (inbox, host user id), created if new, marked signed, with a new token. */
  signInVisitor(signIn: SignIn): Promise<VisitorRecord>;
  /** true the first time a token hash is claimed before its expiry, on any node; false for a replay. */
  claimIdentityToken(use: { tokenHash: string; expiresAt: number; now: number }): Promise<boolean>;
  listInboxContactSettings(): Promise<InboxContactSettings[]>;
  updateInboxContactSettings(id: string, patch: InboxContactPatch): Promise<InboxContactSettings | undefined>;
}
