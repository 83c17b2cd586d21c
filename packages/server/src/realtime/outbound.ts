/** Domain event -> the frame watchers receive, serialised once per event however many receive it. */
import type { ServerFrame } from '@candor/protocol';
import type { DomainEvent } from '../domain/events';

export interface Outbound {
  frame: ServerFrame | null;
  text: string;
}

export function outboundFor(event: DomainEvent): Outbound {
  const frame = frameFor(event);
  return { frame, text: frame ? JSON.stringify(frame) : '' };
}

function frameFor(event: DomainEvent): ServerFrame | null {
  switch (event.type) {
    case 'message.created':
      return { type: 'message.created', message: event.message };
    case 'conversation.updated':
      return { type: 'conversation.updated', conversation: event.conversation };
    case 'typing.changed':
      return {
        type: 'typing.updated',
        conversationId: event.conversationId,
        author: event.author,
        typing: event.typing,
      };
    case 'draft.changed':
      return { type: 'draft.updated', conversationId: event.conversationId, text: event.text };
    case 'contact.changed':
      return { type: 'contact.updated', visitorId: event.visitorId };
    case 'contact.requested':
      return { type: 'contact.requested', conversationId: event.conversationId };
    case 'sessions.ended':
    case 'agent.role_changed':
    case 'draft.requested':
    case 'inbox.updated':
    case 'redaction_rules.changed':
    case 'agent.renamed':
      return null; // acted on by the node or the connection, never sent as is
  }
}
