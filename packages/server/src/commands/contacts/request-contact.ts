/** An agent asks the visitor to share their name and email: the widget shows a small form. */
import { assertCanChangeStatus } from '../../domain/access';
import type { Actor } from '../../domain/types';
import type { ChatContext } from '../context';
import { loadReadable } from '../load-conversation';

export async function requestContact(ctx: ChatContext, actor: Actor, conversationId: string): Promise<void> {
  const conversation = await loadReadable(ctx, actor, conversationId);
  // As for a reply: agents only, on a conversation unassigned or theirs (admins: any).
  assertCanChangeStatus(actor, conversation);
  ctx.emit({ type: 'contact.requested', conversationId, visitorId: conversation.visitorId });
}
