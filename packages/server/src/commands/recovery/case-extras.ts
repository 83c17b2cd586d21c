/**
 * What a recovery case shows beside its codes and proofs: the actions asked for and the takeover
 * signals. Placeholders until the actions and signals land (helper A2 replaces these bodies).
 */
import type { RecoveryActionView, TakeoverSignalView } from '@candor/protocol';
import type { RecoveryCaseRecord } from '../../storage/recovery-store';
import type { ChatContext } from '../context';

export function listActionViews(_ctx: ChatContext, _conversationId: string): Promise<RecoveryActionView[]> {
  return Promise.resolve([]);
}

export function takeoverSignalsFor(_ctx: ChatContext, _c: RecoveryCaseRecord): Promise<TakeoverSignalView[]> {
  return Promise.resolve([]);
}
