/**
 * What a recovery case shows beside its codes and proofs (`GET /api/v1/conversations/{id}/recovery`):
 * the actions asked for, and the takeover signals (checked again on each read, raised once).
 */
import type { RecoveryActionView, TakeoverSignalView } from '@candor/protocol';
import type { RecoveryCaseRecord } from '../../storage/recovery-store';
import type { ChatContext } from '../context';
import { presentAction } from './action-view';
import { checkTakeoverSignals } from './takeover-check';

export async function listActionViews(
  ctx: ChatContext,
  conversationId: string,
): Promise<RecoveryActionView[]> {
  const actions = await ctx.store.listRecoveryActions(conversationId);
  return Promise.all(actions.map((a) => presentAction(ctx, a)));
}

export function takeoverSignalsFor(ctx: ChatContext, c: RecoveryCaseRecord): Promise<TakeoverSignalView[]> {
  return checkTakeoverSignals(ctx, c);
}
