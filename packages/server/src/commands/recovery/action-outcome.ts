/**
 * What follows every change to a recovery action, wherever it was decided (request, approval, refusal,
 * the old contact's stop, the end of cooling-off): an audit entry, the host's webhook for a final
 * decision (approved or refused; the new contact in full only there), and `recovery.changed` to the
 * agents of the inbox, supervisors among them.
 */
import type { RecoveryDecisionEventData } from '@candor/protocol';
import { maskContact } from '../../domain/recovery/contact-on-file';
import type { AuditRecord } from '../../storage/audit-store';
import type { RecoveryActionRecord } from '../../storage/recovery-action-store';
import type { ChatContext } from '../context';
import { queueWebhookEvent } from '../host-api/webhooks';
import { recordAudit } from './audit';

export interface Decider {
  type: AuditRecord['actorType'];
  id: string | null;
}

export const SYSTEM: Decider = { type: 'system', id: null };

export async function announceAction(
  ctx: ChatContext,
  a: RecoveryActionRecord,
  /** The audit entry's action; null: none (the caller wrote one already). */
  auditAction: string | null,
  by: Decider,
): Promise<void> {
  if (auditAction !== null)
    await recordAudit(ctx, {
      actorType: by.type,
      actorId: by.id,
      actorName: by.type === 'agent' && by.id !== null ? await ctx.names.agent(by.id) : null,
      action: auditAction,
      conversationId: a.conversationId,
      accountExternalId: a.accountId,
      detail: {
        actionId: a.id,
        action: a.action,
        status: a.status,
        reason: a.reason,
        verification: a.verification,
        // Masked: the audit is read by people; the host gets the full value in its webhook only.
        newContact: a.newContact === null ? null : maskContact(a.newContact),
        coolingOffUntil: a.status === 'cooling_off' ? a.coolingOffUntil : null,
      },
    });
  if (a.status === 'approved' || a.status === 'refused' || a.status === 'stopped_by_old_contact') {
    const type = a.status === 'approved' ? 'recovery.action.approved' : 'recovery.action.refused';
    await queueWebhookEvent(ctx, type, { ...(await decisionData(ctx, a)) });
  }
  const c = await ctx.store.recoveryCase(a.conversationId);
  if (c)
    ctx.emit({
      type: 'recovery.changed',
      conversationId: a.conversationId,
      inboxId: c.inboxId,
      visitorId: c.visitorId,
    });
}

/** The webhook's `data` (host-api-schemas.ts `recoveryDecisionEventData`). */
export async function decisionData(
  ctx: ChatContext,
  a: RecoveryActionRecord,
): Promise<RecoveryDecisionEventData> {
  const person = async (id: string) => ({ id, name: await ctx.names.agent(id) });
  return {
    actionId: a.id,
    account: a.accountId,
    action: a.action,
    conversationId: a.conversationId,
    verification: a.verification,
    ...(a.status === 'approved' && a.newContact !== null ? { newContact: a.newContact } : {}),
    requestedBy: await person(a.requestedBy),
    approvedBy: a.approvedBy === null ? null : await person(a.approvedBy),
    ...(a.status === 'approved' || a.reason === null ? {} : { reason: a.reason }),
    decidedAt: a.decidedAt ?? ctx.now(),
  };
}
