/**
 * Tags on a conversation: any agent of its inbox may set them (they help find conversations, they
 * change nobody's work). Agents only see them: `tags.changed` goes to the inbox topic, and only agent
 * views of a conversation carry `tags`.
 */
import type { Conversation } from '@candor/protocol';
import { DomainError } from '../domain/errors';
import { normaliseTags, tagChanges } from '../domain/tags';
import type { Actor } from '../domain/types';
import type { ChatContext } from './context';
import { loadForAgent } from './notes';
import { presentConversations } from './presenters';
import { activityActor, recordActivity } from './record-activity';

export async function setTags(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
  raw: readonly string[],
): Promise<Conversation> {
  const { actor: agent, conversation } = await loadForAgent(ctx, actor, conversationId);
  const tags = normaliseTags(raw);
  const result = await ctx.store.setTags(conversation.id, tags, ctx.now());
  if (!result) throw new DomainError('not_found', 'No such conversation.');
  const { added, removed } = tagChanges(result.before, result.after);
  if (added.length > 0 || removed.length > 0) {
    ctx.emit({
      type: 'tags.changed',
      conversationId: conversation.id,
      inboxId: conversation.inboxId,
      tags: result.after,
    });
    const by = activityActor(agent);
    if (added.length > 0) {
      await recordActivity(ctx, {
        conversationId: conversation.id,
        kind: 'tagged',
        actor: by,
        detail: { tags: added },
      });
    }
    if (removed.length > 0) {
      await recordActivity(ctx, {
        conversationId: conversation.id,
        kind: 'untagged',
        actor: by,
        detail: { tags: removed },
      });
    }
  }
  const [presented] = await presentConversations(ctx, [conversation], agent.agentId);
  return presented!;
}
