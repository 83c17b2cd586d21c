/**
 * What deserves a notification, and what the tab title counts: pure functions of the inbox, so the
 * rules are tested without a browser. Only what is this agent's counts: the queue (open and
 * unassigned), their own conversations, and what is given to them; never a colleague's conversation.
 */
import type { AgentPreferences, Conversation } from '@candor/protocol';
import type { InboxEntry, InboxState } from './inbox-state';

export type AlertKind = keyof AgentPreferences['notify'];

export interface Alert {
  readonly kind: AlertKind;
  readonly conversationId: string;
  /** The visitor's name; the title and text are chosen by the view. */
  readonly visitorName: string;
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
