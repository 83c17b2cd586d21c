/**
 * Past-tense domain events. Commands emit them after the store has the change; realtime delivery is
 * one listener among others (webhooks, metrics, audit later). Drafts and secrets never appear here.
 */
import type { Author, Conversation, Inbox, Message, PreviewPolicy, RedactionRule } from '@candor/protocol';

export type DomainEvent =
  | { type: 'message.created'; message: Message; conversation: Conversation }
  | { type: 'conversation.updated'; conversation: Conversation }
  | { type: 'typing.changed'; conversationId: string; author: Author; typing: boolean }
  | { type: 'agent.logged_out'; agentId: string; sessionId: string }
  /** A visitor's unsent draft, already redacted; '' = cleared. Relayed, never stored or logged. */
  | { type: 'draft.changed'; conversationId: string; text: string; assigneeId: string | null }
  /**
   * An agent who may see drafts started following the conversation: the node holding the visitor's
   * socket shows the current draft again, so the agent need not wait for the next keystroke.
   */
  | { type: 'draft.requested'; conversationId: string }
  /** `previousPolicy` when an admin changed the policy: the nodes decide from it what the change voids. */
  | { type: 'inbox.updated'; inbox: Inbox; previousPolicy?: PreviewPolicy }
  | { type: 'redaction_rules.changed'; rules: RedactionRule[] };
