/**
 * Who may see and decide recovery approvals, and who is told of takeover signals: supervisors and admins,
 * never on their own request (the server refuses that too: `self_approval`).
 */
import type { AgentRole, RecoveryApprovalsResponse } from '@candor/protocol';

export type Approval = RecoveryApprovalsResponse['approvals'][number];

export function supervises(role: AgentRole): boolean {
  return role === 'supervisor' || role === 'admin';
}

export function mayDecide(approval: Pick<Approval, 'requestedBy'>, meId: string, role: AgentRole): boolean {
  return supervises(role) && approval.requestedBy.id !== meId;
}

/** Oldest first: the customer who has waited longest is decided first. */
export function approvalsInOrder(approvals: readonly Approval[]): Approval[] {
  return [...approvals].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** After a decision: the approval leaves the list (whatever the server's next read says). */
export function withoutApproval(approvals: readonly Approval[], id: string): Approval[] {
  return approvals.filter((a) => a.id !== id);
}
