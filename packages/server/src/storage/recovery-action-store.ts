/**
 * What the Store keeps of recovery actions (issue 14): each action asked for in a recovery conversation
 * and its decision, the recovery settings, and the takeover signals raised. Part of the Store seam;
 * covered by contract/recovery-actions.contract.ts on both stores.
 */
import type { RecoveryAction } from '../domain/recovery/action-gate';
import type { ContactChannel } from '../domain/recovery/contact-on-file';
import type { VerificationLevel } from '../domain/recovery/verification-level';

export type RecoveryActionStatus =
  'awaiting_approval' | 'cooling_off' | 'approved' | 'refused' | 'stopped_by_old_contact';

export type RecoveryActionReason =
  | 'not_verified'
  | 'verification_expired'
  | 'self_approval'
  | 'approver_not_allowed'
  | 'stopped_by_old_contact'
  | 'refused_by_approver';

export type { VerificationLevel };

export interface RecoveryActionRecord {
  id: string;
  conversationId: string;
  inboxId: string;
  /** The host's external id of the account. */
  accountId: string;
  action: RecoveryAction;
  status: RecoveryActionStatus;
  reason: RecoveryActionReason | null;
  /** How the visitor was proven when the action was asked for (the webhook's `verification`). */
  verification: VerificationLevel;
  requestedBy: string;
  approvedBy: string | null;
  approvedAt: number | null;
  /** Who ended it (approver, refuser), null while open or when the system or old contact did. */
  decidedBy: string | null;
  /** change_contact: kept in full for the host's webhook; agents only ever see it masked. */
  newContact: { channel: ContactChannel; value: string } | null;
  coolingOffUntil: number | null;
  /** SHA-256 of the old contact's stop link token; null once none can stop it. */
  stopTokenHash: string | null;
  createdAt: number;
  decidedAt: number | null;
  /** Bumped by every change: updates name the version they read. */
  version: number;
}

/** What a decision changes; the record's other fields stay. */
export type RecoveryActionChange = Partial<
  Pick<
    RecoveryActionRecord,
    | 'status'
    | 'reason'
    | 'approvedBy'
    | 'approvedAt'
    | 'decidedBy'
    | 'coolingOffUntil'
    | 'stopTokenHash'
    | 'decidedAt'
  >
>;

export interface RecoverySignalRecord {
  conversationId: string;
  kind: string;
  at: number;
}

export interface RecoveryActionStore {
  createRecoveryAction(action: RecoveryActionRecord): Promise<void>;
  findRecoveryAction(id: string): Promise<RecoveryActionRecord | undefined>;
  /** By the SHA-256 of a stop link's token. */
  findRecoveryActionByStopToken(tokenHash: string): Promise<RecoveryActionRecord | undefined>;
  /** A conversation's actions, oldest first. */
  listRecoveryActions(conversationId: string): Promise<RecoveryActionRecord[]>;
  /** Actions waiting for a second person in these inboxes, oldest first. */
  listAwaitingApproval(inboxIds: readonly string[], limit: number): Promise<RecoveryActionRecord[]>;
  /**
   * Applies the change only if the action is still at `expectedVersion` (and bumps it): the updated
   * record, or undefined when another change came first (or there is no such action).
   */
  updateRecoveryAction(
    id: string,
    expectedVersion: number,
    change: RecoveryActionChange,
  ): Promise<RecoveryActionRecord | undefined>;
  /** Cooling-off actions whose time is up at `now`, oldest first. */
  dueCoolingOff(now: number, limit: number): Promise<RecoveryActionRecord[]>;

  /** The recovery settings as stored (JSON), or undefined when an admin never set them. */
  recoverySettings(): Promise<string | undefined>;
  setRecoverySettings(settings: string, by: string, now: number): Promise<void>;

  /** Records the signals not yet raised in the conversation; returns those that are new. */
  raiseRecoverySignals(conversationId: string, kinds: readonly string[], now: number): Promise<string[]>;
  listRecoverySignals(conversationId: string): Promise<RecoverySignalRecord[]>;
}
