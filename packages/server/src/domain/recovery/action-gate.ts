/**
 * Which recovery actions the server lets an agent take, from what the conversation has proven. An agent
 * cannot talk their way past this: the checks read the store's verification records and approvals, not
 * anything said in the chat. Levels, from weakest: none; a code to a contact replaced recently; a code
 * to a current contact. Admins may make an action stricter, never looser than the floor below.
 */
import type { ContactStanding } from './contact-on-file';
import type { RecoveryPurpose } from './recovery-code';

export type RecoveryAction = RecoveryPurpose;

export interface ActionRequirement {
  /** A second person (a supervisor or admin, not the requesting agent) must approve. */
  approval: boolean;
  /** Time between the approval and the action, during which the old contact can stop it. */
  coolingOffMs: number;
}

const DAY = 24 * 60 * 60_000;

/** The floor: what each action needs at least, whatever an admin sets. */
export const FLOOR: Record<RecoveryAction, ActionRequirement> = {
  unlock: { approval: false, coolingOffMs: 0 },
  reset_second_factor: { approval: true, coolingOffMs: 0 },
  change_contact: { approval: true, coolingOffMs: DAY },
};

export const MAX_COOLING_OFF_MS = 30 * DAY;

/** An admin's setting, validated and raised to the floor: a hostile or mistaken setting cannot lower it. */
export function requirementFor(action: RecoveryAction, setting: unknown): ActionRequirement {
  const floor = FLOOR[action];
  if (typeof setting !== 'object' || setting === null) return floor;
  const s = setting as Partial<Record<keyof ActionRequirement, unknown>>;
  const cooling =
    typeof s.coolingOffMs === 'number' && Number.isFinite(s.coolingOffMs)
      ? Math.min(Math.max(s.coolingOffMs, floor.coolingOffMs), MAX_COOLING_OFF_MS)
      : floor.coolingOffMs;
  return { approval: floor.approval || s.approval === true, coolingOffMs: cooling };
}

/** A code the visitor typed right, as recorded by the store. */
export interface Verified {
  accountId: string;
  purpose: RecoveryPurpose;
  standing: ContactStanding;
  at: number;
}

export interface Approval {
  approverId: string;
  approverRole: 'agent' | 'supervisor' | 'admin';
  at: number;
}

export interface ActionRequest {
  action: RecoveryAction;
  accountId: string;
  requestedBy: string;
  requirement: ActionRequirement;
  /** Codes verified in this conversation. */
  verified: readonly Verified[];
  approval: Approval | null;
  /** The old contact answered "this was not me" to the notice of a contact change. */
  stoppedByOldContact: boolean;
  now: number;
}

export type RefusalReason =
  | 'not_verified'
  | 'verification_expired'
  | 'self_approval'
  | 'approver_not_allowed'
  | 'stopped_by_old_contact';

export type ActionDecision =
  | { status: 'approved' }
  | { status: 'awaiting_approval' }
  | { status: 'cooling_off'; until: number }
  | { status: 'refused'; reason: RefusalReason };

/** A verification proves the visitor for this long: an action later needs a new code. */
export const VERIFICATION_VALID_MS = 60 * 60_000;

export function decideAction(r: ActionRequest): ActionDecision {
  const proofs = r.verified.filter((v) => v.accountId === r.accountId && v.purpose === r.action);
  if (proofs.length === 0) return { status: 'refused', reason: 'not_verified' };
  const fresh = proofs.filter((v) => r.now - v.at <= VERIFICATION_VALID_MS);
  if (fresh.length === 0) return { status: 'refused', reason: 'verification_expired' };
  if (r.stoppedByOldContact) return { status: 'refused', reason: 'stopped_by_old_contact' };
  // A code that only reached a contact replaced lately proves less: someone else must look too.
  const needsApproval = r.requirement.approval || !fresh.some((v) => v.standing === 'current');
  if (needsApproval) {
    if (r.approval === null) return { status: 'awaiting_approval' };
    const problem = approvalProblem(r.approval, r.requestedBy);
    if (problem) return { status: 'refused', reason: problem };
  }
  const since = r.approval?.at ?? Math.max(...fresh.map((v) => v.at));
  const until = since + r.requirement.coolingOffMs;
  if (r.now < until) return { status: 'cooling_off', until };
  return { status: 'approved' };
}

/** Why this person may not approve this request, or undefined when they may. */
export function approvalProblem(
  approver: Pick<Approval, 'approverId' | 'approverRole'>,
  requestedBy: string,
): Extract<RefusalReason, 'self_approval' | 'approver_not_allowed'> | undefined {
  if (approver.approverId === requestedBy) return 'self_approval';
  if (approver.approverRole === 'agent') return 'approver_not_allowed';
  return undefined;
}
