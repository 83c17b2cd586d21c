/**
 * Which bus topics carry an event. Conversation topics carry what subscribers of one conversation
 * see; inbox topics feed agents' inbox lists; visitor topics reach all of one visitor's tabs.
 * conversation.updated never goes on a conversation topic, so no socket receives it twice.
 */
import type { DomainEvent } from '../domain/events';

export const topics = {
  conversation: (id: string) => `conversation:${id}`,
  inbox: (id: string) => `inbox:${id}`,
  visitor: (id: string) => `visitor:${id}`,
  agent: (id: string) => `agent:${id}`,
  /** Every agent socket: colleagues' status. */
  agents: 'agents',
  /** An inbox's queue order: watched by visitors following a conversation of that inbox. */
  queue: (inboxId: string) => `queue:${inboxId}`,
  /** Settings every node caches: inbox policies, redaction rules. */
  settings: 'settings',
};

export function topicsFor(event: DomainEvent): string[] {
  switch (event.type) {
    case 'message.created':
      return [topics.conversation(event.message.conversationId)];
    case 'typing.changed':
    case 'viewing.changed':
    case 'draft.changed':
    case 'draft.requested':
      return [topics.conversation(event.conversationId)];
    case 'inbox.updated':
    case 'redaction_rules.changed':
    case 'agent.renamed':
    case 'articles.changed':
      return [topics.settings];
    case 'conversation.updated':
      return [topics.inbox(event.conversation.inboxId), topics.visitor(event.conversation.visitorId)];
    case 'contact.changed':
      return [topics.inbox(event.inboxId), topics.settings];
    case 'contact.requested':
      return [topics.visitor(event.visitorId)];
    case 'sessions.ended':
    case 'agent.role_changed':
      return [topics.agent(event.agentId)];
    case 'conversation.assigned':
      return [topics.inbox(event.inboxId)];
    case 'agent.status_changed':
      return [topics.agents];
    case 'conversation.transferred':
      // The visitor's topic too, for the neutral line: ClientConnection.deliver never gives them the note.
      return [topics.inbox(event.inboxId), topics.visitor(event.visitorId)];
    case 'queue.changed':
      return [topics.queue(event.inboxId)];
    // Visitors follow conversation topics too: ClientConnection.deliver gives these to agents only.
    case 'note.created':
      return [topics.conversation(event.note.conversationId)];
    case 'activity.recorded':
      return [topics.conversation(event.activity.conversationId)];
    case 'tags.changed':
    case 'routing.changed':
      return [topics.inbox(event.inboxId)];
    case 'conversation.seen':
      return [topics.visitor(event.visitorId)];
    case 'recovery.changed':
      // The visitor's topic only when there is something for them: their state changed.
      return event.state
        ? [topics.inbox(event.inboxId), topics.visitor(event.visitorId)]
        : [topics.inbox(event.inboxId)];
  }
}
