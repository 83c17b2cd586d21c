/**
 * A second person's decision on a recovery action (`POST /api/v1/recovery/actions/{id}/approve` and
 * `/refuse`), and the list of what waits for one (`GET /api/v1/recovery/approvals`). Only supervisors
 * and admins of the conversation's inbox decide, never the agent who asked (domain: approvalProblem).
 * The change names the version read: of two approvers at once one wins, the other is told it is decided.
 */
import type { RecoveryApprovalsResponse, RecoveryActionView } from '@candor/protocol';
import { canRead } from '../../domain/access';
import { approvalProblem, decideAction, type Verified } from '../../domain/recovery/action-gate';
import { requirementOf } from '../../domain/recovery/recovery-settings';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/types';
import type { RecoveryActionChange, RecoveryActionRecord } from '../../storage/recovery-action-store';
import type { ChatContext } from '../context';
import { announceAction } from './action-outcome';
import { presentAction } from './action-view';
import { recordAudit } from './audit';
import { newStopToken, sendStopNotice } from './cooling-off';
import { loadRecoverySettings } from './recovery-settings';

type Approver = Extract<Actor, { kind: 'agent' }>;

const APPROVALS_LISTED = 200;

function approverOf(actor: Actor): Approver {
  if (actor.kind !== 'agent' || actor.role === 'agent')
    throw new DomainError('forbidden', 'Only a supervisor or an admin decides recovery actions.');
  return actor;
}

export async function listApprovals(ctx: ChatContext, actor: Actor): Promise<RecoveryApprovalsResponse> {
  const approver = approverOf(actor);
  const waiting = await ctx.store.listAwaitingApproval(approver.inboxIds, APPROVALS_LISTED);
  return {
    approvals: await Promise.all(
      waiting.map(async (a) => ({ ...(await presentAction(ctx, a)), conversationId: a.conversationId })),
    ),
  };
}

export async function approveRecoveryAction(
  ctx: ChatContext,
  actor: Actor,
  id: string,
): Promise<RecoveryActionView> {
  const a = await loadOpen(ctx, actor, id);
  const approver = await allowedApprover(ctx, actor, a);
  const now = ctx.now();
  // Decided again with the approval and the proofs as they are now: a proof may have expired meanwhile.
  const verified: Verified[] = (await ctx.store.listVerifications(a.conversationId)).map((v) => ({
    accountId: v.accountId,
    purpose: v.purpose,
    standing: v.standing,
    at: v.at,
  }));
  const decision = decideAction({
    action: a.action,
    accountId: a.accountId,
    requestedBy: a.requestedBy,
    requirement: requirementOf(await loadRecoverySettings(ctx), a.action),
    verified,
    approval: { approverId: approver.agentId, approverRole: approver.role, at: now },
    stoppedByOldContact: false,
    now,
  });
  const stop = decision.status === 'cooling_off' ? newStopToken() : undefined;
  const change: RecoveryActionChange =
    decision.status === 'refused'
      ? { status: 'refused', reason: decision.reason, decidedBy: approver.agentId, decidedAt: now }
      : {
          status: decision.status === 'cooling_off' ? 'cooling_off' : 'approved',
          approvedBy: approver.agentId,
          approvedAt: now,
          decidedBy: approver.agentId,
          coolingOffUntil: decision.status === 'cooling_off' ? decision.until : null,
          stopTokenHash: stop?.hash ?? null,
          decidedAt: decision.status === 'cooling_off' ? null : now,
        };
  const changed = await ctx.store.updateRecoveryAction(a.id, a.version, change);
  if (!changed) throw new DomainError('conflict', 'Someone else decided this action first.');
  await announceAction(ctx, changed, `recovery.action.${changed.status}`, {
    type: 'agent',
    id: approver.agentId,
  });
  if (stop) await sendStopNotice(ctx, changed, stop.token);
  return presentAction(ctx, changed);
}

export async function refuseRecoveryAction(
  ctx: ChatContext,
  actor: Actor,
  id: string,
): Promise<RecoveryActionView> {
  const a = await loadOpen(ctx, actor, id);
  const approver = await allowedApprover(ctx, actor, a);
  const now = ctx.now();
  const changed = await ctx.store.updateRecoveryAction(a.id, a.version, {
    status: 'refused',
    reason: 'refused_by_approver',
    decidedBy: approver.agentId,
    decidedAt: now,
  });
  if (!changed) throw new DomainError('conflict', 'Someone else decided this action first.');
  await announceAction(ctx, changed, 'recovery.action.refused', { type: 'agent', id: approver.agentId });
  return presentAction(ctx, changed);
}

/** The action, if the actor may see its conversation; only one still waiting can be decided. */
async function loadOpen(ctx: ChatContext, actor: Actor, id: string): Promise<RecoveryActionRecord> {
  const a = await ctx.store.findRecoveryAction(id);
  // The same answer for "none" and "not in your inboxes": ids cannot be probed.
  if (!a || !canRead(actor, { inboxId: a.inboxId, visitorId: '' }))
    throw new DomainError('not_found', 'No such recovery action.');
  if (a.status !== 'awaiting_approval')
    throw new DomainError('conflict', 'This action is not waiting for an approval.');
  return a;
}

/** A plain agent, or the requester themself, is refused, and the attempt is audited. */
async function allowedApprover(ctx: ChatContext, actor: Actor, a: RecoveryActionRecord): Promise<Approver> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Agents only.');
  const problem = approvalProblem({ approverId: actor.agentId, approverRole: actor.role }, a.requestedBy);
  if (!problem) return actor;
  await recordAudit(ctx, {
    actorType: 'agent',
    actorId: actor.agentId,
    actorName: await ctx.names.agent(actor.agentId),
    action: 'recovery.action.approval_denied',
    conversationId: a.conversationId,
    accountExternalId: a.accountId,
    detail: { actionId: a.id, action: a.action, reason: problem },
  });
  throw new DomainError(
    'forbidden',
    problem === 'self_approval'
      ? 'You asked for this action: another person must decide it.'
      : 'Only a supervisor or an admin decides recovery actions.',
  );
}
