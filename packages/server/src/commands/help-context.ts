/**
 * help.context: after the first message of a conversation that followed a help search in the widget,
 * the visitor's search and the articles they read become one line of the activity trail, which agents
 * see live in the conversation and in the contact panel. Load, decide (domain/articles/help-context.ts),
 * write, emit (recordActivity emits `activity.recorded`). Not on the message path: a frame of its own.
 */
import type { HelpContextFrame } from '@candor/protocol';
import { decideHelpContext } from '../domain/articles/help-context';
import type { Actor } from '../domain/types';
import type { ChatContext } from './context';
import { loadReadable } from './load-conversation';
import { recordActivity } from './record-activity';
import { NOTES_PAGE_MAX } from './notes';

export async function recordHelpContext(
  ctx: ChatContext,
  actor: Actor,
  frame: HelpContextFrame,
): Promise<void> {
  const conversation = await loadReadable(ctx, actor, frame.conversationId);
  const [articles, trail] = await Promise.all([
    Promise.all([...new Set(frame.articleIds)].map((id) => ctx.store.getArticle(id))),
    ctx.store.listActivity(conversation.id, NOTES_PAGE_MAX),
  ]);
  const detail = decideHelpContext(actor, conversation, {
    query: frame.query,
    articles,
    alreadySaid: trail.some((a) => a.kind === 'help_context'),
  });
  await recordActivity(ctx, {
    conversationId: conversation.id,
    kind: 'help_context',
    actor: { type: 'visitor', id: conversation.visitorId },
    detail,
  });
}
