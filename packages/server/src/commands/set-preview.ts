import type { Conversation } from '@candor/protocol';
import type { Actor } from '../domain/types';
import { DomainError } from '../domain/errors';
import type { ChatContext } from './context';
import { loadReadable } from './load-conversation';
import { presentConversation } from './presenters';

/**
 * The visitor switches the typing preview of their conversation on or off. Only the visitor can, and
 * only after their widget showed the notice; every switch is kept as a consent record. Switching off
 * clears what agents see at once.
 */
export async function setPreview(
  ctx: ChatContext,
  actor: Actor,
  request: { conversationId: string; enabled: boolean; noticeShown: boolean },
): Promise<Conversation> {
  if (actor.kind !== 'visitor')
    throw new DomainError('forbidden', 'Only the visitor switches the typing preview.');
  const record = await loadReadable(ctx, actor, request.conversationId);
  const policy = ctx.settings.policy(record.inboxId);
  if (request.enabled && policy === 'off') {
    throw new DomainError('forbidden', 'Typing preview is disabled for this inbox.');
  }
  if (request.enabled && !request.noticeShown) {
    throw new DomainError('bad_frame', 'The notice must be shown before the typing preview is turned on.');
  }
  const updated = await ctx.store.setPreview(record.id, {
    visitorId: actor.visitorId,
    policy,
    enabled: request.enabled,
    noticeShown: request.noticeShown,
    createdAt: ctx.now(),
  });
  if (!updated) throw new DomainError('not_found', 'No such conversation.');
  const conversation = await presentConversation(ctx, updated);
  ctx.emit({ type: 'conversation.updated', conversation });
  if (!request.enabled) {
    ctx.emit({ type: 'draft.changed', conversationId: record.id, text: '', assigneeId: updated.assigneeId });
  }
  return conversation;
}
