/** A recovery action as agents see it: names for the people, the new contact masked, never in full. */
import type { RecoveryActionView } from '@candor/protocol';
import { maskContact } from '../../domain/recovery/contact-on-file';
import type { RecoveryActionRecord } from '../../storage/recovery-action-store';
import type { ChatContext } from '../context';

export async function presentAction(ctx: ChatContext, a: RecoveryActionRecord): Promise<RecoveryActionView> {
  return {
    id: a.id,
    action: a.action,
    status: a.status,
    reason: a.reason,
    requestedBy: { id: a.requestedBy, name: await ctx.names.agent(a.requestedBy) },
    approvedBy:
      a.approvedBy === null ? null : { id: a.approvedBy, name: await ctx.names.agent(a.approvedBy) },
    newContactMasked: a.newContact === null ? null : maskContact(a.newContact),
    coolingOffUntil: a.status === 'cooling_off' ? a.coolingOffUntil : null,
    createdAt: a.createdAt,
    decidedAt: a.decidedAt,
  };
}
