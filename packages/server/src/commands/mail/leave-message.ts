/**
 * message.leave: while the team is away, a visitor leaves a message and an email address to be answered
 * at. The address is declared as the visitor's own, self-declared (commands/contacts/declare-contact.ts:
 * it finds and merges with nobody; a signed visitor keeps the one their site vouched for). The message
 * starts (or joins) their conversation as any message would, and, when the inbox's hours say it is
 * closed, a `left_offline` line of the activity trail shows agents it was left while they were away. Replies reach the address by email once the
 * visitor has gone (reply-mail.ts).
 */
import type { LeaveMessageFrame, Message, Conversation } from '@candor/protocol';
import type { Actor } from '../../domain/types';
import { DomainError } from '../../domain/errors';
import type { ChatContext } from '../context';
import { declareContact } from '../contacts/declare-contact';
import { activityActor, recordActivity } from '../record-activity';
import { sendMessage } from '../send-message';
import { hoursStatus } from '../hours/inbox-hours';

export async function leaveMessage(
  ctx: ChatContext,
  actor: Actor,
  frame: LeaveMessageFrame,
  senderIp?: string,
): Promise<{ message: Message; conversation: Conversation }> {
  if (actor.kind !== 'visitor') throw new DomainError('forbidden', 'Only visitors leave messages.');
  const contact = await ctx.store.findContact(actor.visitorId);
  if (!contact) throw new DomainError('not_found', 'No such visitor.');
  if (contact.verification !== 'signed') await declareContact(ctx, actor, { email: frame.email });
  const sent = await sendMessage(ctx, actor, {
    conversationId: null,
    clientKey: frame.clientKey,
    body: frame.body,
    ...(senderIp === undefined ? {} : { senderIp }),
  });
  // Marked as left offline only when it was: an open team answers in the chat.
  const hours = sent.created ? await hoursStatus(ctx, sent.conversation.inboxId) : undefined;
  if (hours && !hours.open)
    await recordActivity(ctx, {
      conversationId: sent.conversation.id,
      kind: 'left_offline',
      actor: activityActor(actor),
      detail: { email: contact.verification === 'signed' ? contact.email : frame.email.toLowerCase() },
    });
  return { message: sent.message, conversation: sent.conversation };
}
