/** Each client command, after hello: what it does and what the client gets back. */
import type { CommandFrame } from '@candor/protocol';
import type { Actor } from '../domain/types';
import { DomainError } from '../domain/errors';
import { sendMessage } from '../commands/send-message';
import { assign, setStatus } from '../commands/change-conversation';
import { inboxSnapshot, listInbox, markRead } from '../commands/read-conversations';
import { setPreview } from '../commands/set-preview';
import { declareContact } from '../commands/contacts/declare-contact';
import { recordPageView } from '../commands/contacts/page-view';
import { requestContact } from '../commands/contacts/request-contact';
import { rateConversation } from '../commands/satisfaction/rate-conversation';
import { answerBot } from '../commands/bot/answer-bot';
import { leaveMessage } from '../commands/mail/leave-message';
import { sendTranscript } from '../commands/mail/send-transcript';
import { recordHelpContext } from '../commands/help-context';
import { startRecovery } from '../commands/recovery/start-recovery';
import { tryRecoveryCode } from '../commands/recovery/try-code';
import { redactDraft } from '@candor/protocol';
import type { ClientConnection } from './connection';
import { topics } from './topics';
import { ViewPresence } from './view-presence';

export async function runCommand(c: ClientConnection, frame: CommandFrame, actor: Actor): Promise<void> {
  const { ctx } = c.deps;
  const ack = (extra: object) =>
    'ref' in frame && frame.ref ? c.send({ type: 'ack', ref: frame.ref, ...extra }) : undefined;
  switch (frame.type) {
    case 'conversation.subscribe':
      return c.subscriptions.subscribe(frame.conversationId, frame.afterSeq, frame.ref);
    case 'conversation.unsubscribe':
      c.viewing?.leave(frame.conversationId);
      c.subscriptions.unsubscribe(frame.conversationId);
      return ack({});
    case 'conversation.view': {
      if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Only agents view conversations.');
      // Like typing: only on a conversation this socket was authorised to follow, so no store read.
      if (!c.subscriptions.has(frame.conversationId)) throw new DomainError('not_found', 'Subscribe first.');
      c.viewing ??= new ViewPresence((event) => ctx.emit(event), {
        id: actor.agentId,
        name: await ctx.names.agent(actor.agentId),
      });
      return c.viewing.set(frame.conversationId, frame.viewing);
    }
    case 'inbox.subscribe': {
      if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Only agents have an inbox.');
      await Promise.all(actor.inboxIds.map((id) => c.watch(topics.inbox(id))));
      return c.send(inboxSnapshot(await listInbox(ctx, actor), frame.ref));
    }
    case 'message.send': {
      const { message, conversation } = await sendMessage(ctx, actor, { ...frame, senderIp: c.ip });
      c.clearDraft(conversation.id); // the draft became a message
      return ack({ message, conversation });
    }
    case 'draft.update':
      return relayDraft(c, frame, actor);
    case 'preview.set': {
      const conversation = await setPreview(ctx, actor, frame);
      c.subscriptions.note(conversation);
      if (!conversation.preview.enabled) c.clearDraft(conversation.id);
      return ack({ conversation });
    }
    case 'typing.update': {
      // Only on a conversation this socket was authorised to follow: no store read per keystroke.
      if (!c.subscriptions.has(frame.conversationId)) throw new DomainError('not_found', 'Subscribe first.');
      const id = actor.kind === 'visitor' ? actor.visitorId : actor.agentId;
      const name = actor.kind === 'visitor' ? await ctx.names.visitor(id) : await ctx.names.agent(id);
      ctx.emit({
        type: 'typing.changed',
        conversationId: frame.conversationId,
        author: { type: actor.kind, id, name },
        typing: frame.typing,
      });
      return;
    }
    case 'conversation.resolve':
      return ack({ conversation: await setStatus(ctx, actor, frame.conversationId, 'resolved') });
    case 'conversation.reopen':
      return ack({ conversation: await setStatus(ctx, actor, frame.conversationId, 'open') });
    case 'conversation.assign':
      return ack({ conversation: await assign(ctx, actor, frame.conversationId, frame.agentId) });
    case 'conversation.read':
      return markRead(ctx, actor, frame.conversationId, frame.seq);
    case 'contact.update':
      assertContactBudget(c);
      return ack({ contact: await declareContact(ctx, actor, frame) });
    case 'page.view':
      assertContactBudget(c);
      await recordPageView(ctx, actor, frame);
      return ack({});
    case 'contact.request':
      await requestContact(ctx, actor, frame.conversationId);
      return ack({});
    case 'conversation.rate':
      return ack({ rating: await rateConversation(ctx, actor, frame) });
    case 'bot.feedback':
    case 'bot.handover':
      await answerBot(ctx, actor, frame);
      return ack({});
    case 'message.leave': {
      assertContactBudget(c);
      return ack(await leaveMessage(ctx, actor, frame, c.ip));
    }
    case 'transcript.request':
      assertContactBudget(c);
      await sendTranscript(ctx, actor, frame);
      return ack({});
    case 'help.context':
      assertContactBudget(c);
      await recordHelpContext(ctx, actor, frame);
      return ack({});
    case 'recovery.start':
      return ack(await startRecovery(ctx, actor, frame, c.ip));
    case 'recovery.code':
      // The code goes no further than this call: not in the ack, not in any event, not in a log.
      return ack({ codeResult: await tryRecoveryCode(ctx, actor, frame) });
  }
}

function assertContactBudget(c: ClientConnection): void {
  if (!c.takeContactToken())
    throw new DomainError('rate_limited', 'Too many contact updates; slow down.', 1000);
}

/** draft.update: synchronous, no I/O (the connection runs it directly when nothing is queued). */
export function relayDraft(
  c: ClientConnection,
  frame: Extract<CommandFrame, { type: 'draft.update' }>,
  actor: Actor,
): void {
  const { ctx } = c.deps;
  const followed = c.subscriptions.get(frame.conversationId);
  if (actor.kind !== 'visitor' || !followed) throw new DomainError('not_found', 'Subscribe first.');
  // Checked on every draft: the visitor's switch and the inbox policy, both in memory.
  if (!followed.previewEnabled || ctx.settings.policy(followed.inboxId) === 'off') {
    throw new DomainError('forbidden', 'Typing preview is off for this conversation.');
  }
  // Defence in depth: the widget masked secrets already; mask again before anything leaves.
  c.drafts.update(frame.conversationId, redactDraft(frame.text, ctx.settings.compiledRules).text);
}
