/**
 * Past-tense domain events. Commands emit them after the store has the change; realtime delivery is
 * one listener among others (webhooks, metrics, audit later). Drafts and secrets never appear here.
 */
import type { Author, Conversation, Inbox, Message, PreviewPolicy, RedactionRule } from '@candor/protocol';

export type DomainEvent =
  | { type: 'message.created'; message: Message; conversation: Conversation }
  | { type: 'conversation.updated'; conversation: Conversation }
  | { type: 'typing.changed'; conversationId: string; author: Author; typing: boolean }
  /**
   * Sessions of an agent ended (logout, expiry, deactivation, password reset, ended by the agent): every
   * node closes their sockets. Without sessionIds, every session of the agent.
   */
  | { type: 'sessions.ended'; agentId: string; sessionIds?: string[] }
  /** An admin changed the agent's role: their sockets reconnect to act with it. */
  | { type: 'agent.role_changed'; agentId: string }
  /** Every node forgets the names it cached for agents. */
  | { type: 'agent.renamed'; agentId: string }
  /** A visitor's unsent draft, already redacted; '' = cleared. Relayed, never stored or logged. */
  | { type: 'draft.changed'; conversationId: string; text: string; assigneeId: string | null }
  /**
   * An agent who may see drafts started following the conversation: the node holding the visitor's
   * socket shows the current draft again, so the agent need not wait for the next keystroke.
   */
  | { type: 'draft.requested'; conversationId: string }
  /** `previousPolicy` when an admin changed the policy: the nodes decide from it what the change voids. */
  | {
      type: 'inbox.updated';
      inbox: Inbox;
      previousPolicy?: PreviewPolicy;
      /** The pre-chat form or identity settings changed: nodes read them (secrets stay off the bus). */
      contactChanged?: true;
    }
  | { type: 'redaction_rules.changed'; rules: RedactionRule[] }
  /** A visitor's contact (name, email, level, page) changed: agents of the inbox read it again; nodes forget its name. */
  | { type: 'contact.changed'; visitorId: string; inboxId: string }
  /** An agent asked the visitor to share their name and email, in this conversation. */
  | { type: 'contact.requested'; conversationId: string; visitorId: string };
