/**
 * What the Store keeps of recovery conversations (issue 14): the case, the codes sent (a keyed hash of
 * each, never the code), and the proofs they gave. Part of the Store seam; covered by
 * contract/recovery.contract.ts on both stores.
 */
import type { RecoverySituation } from '@candor/protocol';
import type { ContactChannel, ContactStanding, ContactVersion } from '../domain/recovery/contact-on-file';
import type { RecoveryPurpose } from '../domain/recovery/recovery-code';

export interface RecoveryCaseRecord {
  conversationId: string;
  inboxId: string;
  visitorId: string;
  claimedAccount: string;
  situation: RecoverySituation;
  /** host_accounts id (the host's external id) matched, null when none. */
  accountId: string | null;
  /** The visitor's signed identity sub when the case opened. */
  identitySub: string | null;
  createdAt: number;
}

export interface VerificationRecord {
  id: string;
  conversationId: string;
  accountId: string;
  purpose: RecoveryPurpose;
  contactId: string;
  channel: 'email' | 'phone';
  standing: ContactStanding;
  masked: string;
  at: number;
}

export interface RecoveryCaseStore {
  recoveryCase(conversationId: string): Promise<RecoveryCaseRecord | undefined>;
  listVerifications(conversationId: string): Promise<VerificationRecord[]>;
  /** Cases opened for this account since `since` (any conversation): the repeated-attempts signal. */
  countRecoveryCases(accountId: string, since: number): Promise<number>;
}

/** A code as kept: bound to a conversation, an account, a purpose and one contact on file. */
export interface RecoveryCodeRecord {
  id: string;
  conversationId: string;
  accountId: string;
  purpose: RecoveryPurpose;
  contactId: string;
  channel: ContactChannel;
  standing: ContactStanding;
  masked: string;
  /** HMAC-SHA256 of the code under the server's key, hex (commands/recovery/code-hash.ts). */
  codeHash: string;
  issuedAt: number;
  expiresAt: number;
  tries: number;
  usedAt: number | null;
  /** Bumped by every try recorded: the condition of the next one. */
  version: number;
}

/** One value an account's contact has had, with its row id (what an agent picks a contact by). */
export interface AccountContactRow extends ContactVersion {
  id: string;
}

/** An account whose contact has (or had) the value, and whether that value was replaced since. */
export interface ContactMatch {
  externalId: string;
  replacedAt: number | null;
}

/** What one try did to a code: its new state, and the proof it gave when it verified. */
export interface CodeTryWrite {
  codeId: string;
  /** The version the try was decided on; another writer since, and nothing is written. */
  version: number;
  tries: number;
  usedAt: number | null;
  verification?: VerificationRecord;
}

export interface RecoveryStore extends RecoveryCaseStore {
  /** Written before its conversation starts, so no view of the conversation ever lacks its mark. */
  createRecoveryCase(c: RecoveryCaseRecord): Promise<void>;
  /** Which of these conversations are recovery conversations. */
  recoveryConversationIds(conversationIds: readonly string[]): Promise<Set<string>>;
  /** The host's user id the visitor was signed in as (signed identity), or null. */
  visitorIdentitySub(visitorId: string): Promise<string | null>;
  /** Accounts with a contact of this channel that has (or had) exactly this value, stored normalised. */
  findAccountsByContact(channel: ContactChannel, value: string): Promise<ContactMatch[]>;
  /** Every value the account's contacts have had, with ids, oldest first. */
  listAccountContacts(externalId: string): Promise<AccountContactRow[]>;

  createRecoveryCode(code: RecoveryCodeRecord): Promise<void>;
  /** A conversation's codes, oldest first. */
  listRecoveryCodes(conversationId: string): Promise<RecoveryCodeRecord[]>;
  /**
   * Records a try if the code is still at `version`, with its verification in the same transaction;
   * false (nothing written) when another try got there first. Two tries at once: one wins.
   */
  recordCodeTry(write: CodeTryWrite): Promise<boolean>;
  /** Tries recorded on an account's codes (what the brute-force limits bound). */
  countCodeTries(accountId: string): Promise<number>;
}
