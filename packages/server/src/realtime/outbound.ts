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
    case 'conversation.assigned':
      return {
        type: 'conversation.assigned',
        conversationId: event.conversationId,
        agentId: event.agentId,
        byAgentId: event.byAgentId,
      };
    case 'conversation.transferred':
      // The agents' frame, with the note: ClientConnection.deliver sends visitors handedOverText instead.
      return {
        type: 'conversation.transferred',
        conversationId: event.conversationId,
        fromAgentId: event.fromAgentId,
        toAgentId: event.toAgentId,
        toTeamId: event.toTeamId,
        note: event.note,
        byAgentId: event.byAgentId,
      };
    case 'note.created':
      return { type: 'note.created', note: event.note };
    case 'activity.recorded':
      return { type: 'activity.recorded', activity: event.activity };
    case 'tags.changed':
      return { type: 'tags.updated', conversationId: event.conversationId, tags: event.tags };
    case 'agent.status_changed':
      return {
        type: 'agent.status',
        agentId: event.agentId,
        status: event.status,
        effectiveStatus: event.effectiveStatus,
      };
    case 'routing.changed':
      return {
        type: 'routing.updated',
        conversationId: event.conversationId,
        priority: event.priority,
        teamId: event.teamId,
        requiredSkills: event.requiredSkills,
      };
    case 'viewing.changed':
      return {
        type: 'viewing.updated',
        conversationId: event.conversationId,
        agent: event.agent,
        viewing: event.viewing,
      };
    case 'conversation.seen':
      return { type: 'conversation.seen', conversationId: event.conversationId, seq: event.seq };
    case 'contact.changed':
      return { type: 'contact.updated', visitorId: event.visitorId };
    case 'contact.requested':
      return { type: 'contact.requested', conversationId: event.conversationId };
    case 'recovery.changed':
      // The agents' frame: ClientConnection.deliver builds the visitor's recovery.status from `state`.
      return {
        type: 'recovery.changed',
        conversationId: event.conversationId,
        ...(event.signal ? { signal: true } : {}),
      };
    case 'queue.changed': // each visitor is told their own position (ClientConnection.deliver)
    case 'sessions.ended':
    case 'agent.role_changed':
    case 'draft.requested':
    case 'inbox.updated':
    case 'redaction_rules.changed':
    case 'agent.renamed':
    case 'articles.changed':
      return null; // acted on by the node or the connection, never sent as is
  }
}
