import type { Actor, ConversationRecord } from '../domain/types';
import { assertCanRead } from '../domain/access';
import { DomainError } from '../domain/errors';
import type { ChatContext } from './context';

/** Fetches a conversation the actor may read; otherwise not_found, whether it exists or not. */
export async function loadReadable(ctx: ChatContext, actor: Actor, id: string): Promise<ConversationRecord> {
  const conversation = await ctx.store.getConversation(id);
  if (!conversation) throw new DomainError('not_found', 'No such conversation.');
  assertCanRead(actor, conversation);
  return conversation;
}
