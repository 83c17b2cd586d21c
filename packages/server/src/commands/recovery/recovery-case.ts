/**
 * A recovery case as an agent may reach it: the conversation checked for access first (not_found
 * otherwise, whether it exists or not), then its case. And the change every case command announces.
 */
import type { Conversation, RecoveryStatusFrame, RecoveryVisitorState } from '@candor/protocol';
import { DomainError } from '../../domain/errors';
import { visitorState } from '../../domain/recovery/recovery-views';
import type { Actor, ConversationRecord } from '../../domain/types';
import type { RecoveryCaseRecord } from '../../storage/recovery-store';
import type { ChatContext } from '../context';
import { loadReadable } from '../load-conversation';

export async function loadCase(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
): Promise<{ conversation: ConversationRecord; recovery: RecoveryCaseRecord }> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Only agents handle recovery cases.');
  const conversation = await loadReadable(ctx, actor, conversationId);
  const recovery = await ctx.store.recoveryCase(conversationId);
  if (!recovery) throw new DomainError('not_found', 'This is not an account recovery conversation.');
  return { conversation, recovery };
}

/** What the visitor's widget shows of the case now. */
export async function visitorStateOf(
  ctx: ChatContext,
  conversationId: string,
): Promise<RecoveryVisitorState> {
  const [codes, proofs] = await Promise.all([
    ctx.store.listRecoveryCodes(conversationId),
    ctx.store.listVerifications(conversationId),
  ]);
  return visitorState(codes, proofs);
}

/** Agents read the case again; the visitor's tabs get their state when it changed. */
export function announce(
  ctx: ChatContext,
  c: Pick<RecoveryCaseRecord, 'conversationId' | 'inboxId' | 'visitorId'>,
  state?: RecoveryVisitorState,
): void {
  ctx.emit({
    type: 'recovery.changed',
    conversationId: c.conversationId,
    inboxId: c.inboxId,
    visitorId: c.visitorId,
    ...(state ? { state } : {}),
  });
}

/** On hello: the state of each open recovery conversation among the visitor's. */
export async function recoveryStatuses(
  ctx: ChatContext,
  conversations: readonly Conversation[],
): Promise<RecoveryStatusFrame[]> {
  const open = conversations.filter((c) => c.recovery === true && c.status === 'open');
  return Promise.all(
    open.map(async (c) => ({
      type: 'recovery.status' as const,
      conversationId: c.id,
      state: await visitorStateOf(ctx, c.id),
    })),
  );
}
