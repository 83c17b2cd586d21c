/**
 * What deserves a notification, and what the tab title counts: pure functions of the inbox, so the
 * rules are tested without a browser. Only what is this agent's counts: the queue (open and
 * unassigned), their own conversations, and what is given to them; never a colleague's conversation.
 */
import type {
  AgentPreferences,
  AgentStatus,
  Conversation,
  ConversationTransferredFrame,
} from '@candor/protocol';
import type { InboxEntry, InboxState } from './inbox-state';

export type AlertKind = keyof AgentPreferences['notify'];

export interface Alert {
  readonly kind: AlertKind;
  readonly conversationId: string;
  /** The visitor's name; the title and text are chosen by the view. */
  readonly visitorName: string;
  /** An `assigned` alert for a transfer to one of the agent's teams, not to them. */
  readonly toTeam?: boolean;
}

export interface AlertContext {
  readonly meId: string;
  /** The conversation on screen, if the agent is looking at it (the tab visible): no alert for it. */
  readonly watchedId: string | null;
}

/** The alert for one live `conversation.updated`, given the copy held before it; null for none. */
export function alertFor(held: InboxEntry | undefined, next: Conversation, ctx: AlertContext): Alert | null {
  if (next.status !== 'open' || next.id === ctx.watchedId) return null;
  const alert = (kind: AlertKind): Alert => ({
    kind,
    conversationId: next.id,
    visitorName: next.visitorName,
  });
  const wasMine = held?.assigneeId === ctx.meId;
  if (next.assigneeId === ctx.meId && !wasMine) return alert('assigned'); // routed or transferred to me
  if (held === undefined || held.status !== 'open')
    return next.assigneeId === null ? alert('newConversation') : null;
  const last = next.lastMessage;
  const isNewVisitorMessage = last?.authorType === 'visitor' && last.seq > (held.lastMessage?.seq ?? 0);
  if (isNewVisitorMessage && next.assigneeId === ctx.meId) return alert('newMessage');
  return null;
}

export interface TransferContext extends AlertContext {
  /** The teams the agent is a member of. */
  readonly teamIds: readonly string[];
  /** The status the agent chose (null: not known yet, taken as online: their console is open). */
  readonly status: AgentStatus | null;
}

/**
 * The alert for a `conversation.transferred` to a team: its online members are told, like an
 * assignment (the same preference), except the one who transferred it. A transfer to an agent is
 * told by the conversation.updated that makes it theirs (alertFor).
 */
export function alertForTransfer(
  frame: ConversationTransferredFrame,
  held: InboxEntry | undefined,
  ctx: TransferContext,
): Alert | null {
  const { toTeamId } = frame;
  if (toTeamId === null || frame.byAgentId === ctx.meId || !ctx.teamIds.includes(toTeamId)) return null;
  if ((ctx.status ?? 'online') !== 'online' || frame.conversationId === ctx.watchedId) return null;
  if (held !== undefined && held.status !== 'open') return null;
  return {
    kind: 'assigned',
    conversationId: frame.conversationId,
    visitorName: held?.visitorName ?? '',
    toTeam: true,
  };
}

/** Whether the agent wants this alert at all. */
export function wanted(alert: Alert, prefs: AgentPreferences): boolean {
  return prefs.notify[alert.kind];
}

/** The tab title's count: their open conversations with something unread, plus the unassigned queue. */
export function titleCount(inbox: InboxState, meId: string): number {
  let count = 0;
  for (const e of Object.values(inbox)) {
    if (e.status !== 'open') continue;
    if (e.assigneeId === null || (e.assigneeId === meId && e.unread > 0)) count++;
  }
  return count;
}

export function titleFor(count: number): string {
  return count > 0 ? `(${count}) Candor` : 'Candor';
}
