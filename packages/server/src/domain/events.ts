/**
 * Past-tense domain events. Commands emit them after the store has the change; realtime delivery is
 * one listener among others (webhooks, metrics, audit later). Drafts and secrets never appear here.
 */
import type {
  Activity,
  Author,
  Conversation,
  Inbox,
  Message,
  PreviewPolicy,
  RedactionRule,
  WaitEstimate,
  Note,
  Priority,
  AgentStatus,
  RecoveryVisitorState,
} from '@candor/protocol';

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
  /** Routing: a conversation was given to an agent (or taken back: agentId null). byAgentId null: the router. */
  | {
      type: 'conversation.assigned';
      conversationId: string;
      inboxId: string;
      agentId: string | null;
      byAgentId: string | null;
    }
  /**
   * An agent handed a conversation to another agent or a team. The note is for agents only: realtime
   * gives the visitor a neutral frame without it.
   */
  | {
      type: 'conversation.transferred';
      conversationId: string;
      inboxId: string;
      visitorId: string;
      fromAgentId: string | null;
      toAgentId: string | null;
      toTeamId: string | null;
      note: string | null;
      byAgentId: string;
    }
  /** The queue of an inbox moved: waiting conversation ids in order (at most QUEUE_READ_LIMIT). */
  | { type: 'queue.changed'; inboxId: string; order: string[]; wait: WaitEstimate | null }
  /** A private note was added: agents following the conversation only, never a visitor. */
  | { type: 'note.created'; note: Note }
  /** A line of the activity trail (assigned, resolved, tagged…): agents only. */
  | { type: 'activity.recorded'; activity: Activity }
  /** An agent's status changed (chosen, or as routing sees it): every agent's console, never a visitor. */
  | { type: 'agent.status_changed'; agentId: string; status: AgentStatus; effectiveStatus: AgentStatus }
  /** A conversation's priority, team or required skills changed: agents of the inbox only. */
  | {
      type: 'routing.changed';
      conversationId: string;
      inboxId: string;
      priority: Priority;
      teamId: string | null;
      requiredSkills: string[];
    }
  /** A conversation's tags were replaced: agents of the inbox only. */
  | { type: 'tags.changed'; conversationId: string; inboxId: string; tags: string[] }
  /**
   * An agent opened (true) or left (false) a conversation: relayed to the other agents following it,
   * never to a visitor, never stored. `answer`: sent back to a newcomer by those already there, so
   * the newcomer sees them at once; nobody answers an answer.
   */
  | {
      type: 'viewing.changed';
      conversationId: string;
      agent: { id: string; name: string };
      viewing: boolean;
      answer?: boolean;
    }
  /** An agent has read the conversation up to `seq`: the visitor's read receipt. */
  | { type: 'conversation.seen'; conversationId: string; visitorId: string; seq: number }
  /** `previousPolicy` when an admin changed the policy: the nodes decide from it what the change voids. */
  | {
      type: 'inbox.updated';
      inbox: Inbox;
      previousPolicy?: PreviewPolicy;
      /** The pre-chat form or identity settings changed: nodes read them (secrets stay off the bus). */
      contactChanged?: true;
    }
  | { type: 'redaction_rules.changed'; rules: RedactionRule[] }
  /** A help article was written or deleted: every node's bot reads the articles again. */
  | { type: 'articles.changed' }
  /** A visitor's contact (name, email, level, page) changed: agents of the inbox read it again; nodes forget its name. */
  | { type: 'contact.changed'; visitorId: string; inboxId: string }
  /** An agent asked the visitor to share their name and email, in this conversation. */
  | { type: 'contact.requested'; conversationId: string; visitorId: string }
  /**
   * A recovery case changed (a code sent or tried, an action, a signal): agents of the inbox read it
   * again. `state`, when the visitor's view of it changed: their tabs get `recovery.status` (never a
   * code, never whether the account exists). `signal`: a new takeover signal.
   */
  | {
      type: 'recovery.changed';
      conversationId: string;
      inboxId: string;
      visitorId: string;
      state?: RecoveryVisitorState;
      signal?: boolean;
    };
