/**
 * The inbox as pure functions of frames: snapshot, live updates, tabs and unread counts. The session owns
 * the current value and which conversation is open; nothing here does I/O.
 */
import type { Conversation, RoutingUpdatedFrame } from '@candor/protocol';

/** A conversation as the inbox shows it: unread and the read mark are always known locally. */
export type InboxEntry = Omit<Conversation, 'unread' | 'lastReadSeq'> & {
  readonly unread: number;
  readonly lastReadSeq: number;
};
export type InboxState = Readonly<Record<string, InboxEntry>>;

export type Tab = 'new' | 'mine' | 'all';
export const TABS: readonly Tab[] = ['new', 'mine', 'all'];

export const emptyInbox: InboxState = {};

function toEntry(
  conversation: Conversation,
  unread: number,
  lastReadSeq: number,
  held?: InboxEntry,
): InboxEntry {
  const { unread: _unread, lastReadSeq: _lastReadSeq, ...rest } = conversation;
  // Tags and routing ride only on agent views (snapshots, tags.updated, routing.updated): an update
  // without them keeps those held.
  const tags = conversation.tags ?? held?.tags;
  const priority = conversation.priority ?? held?.priority;
  const teamId = conversation.teamId !== undefined ? conversation.teamId : held?.teamId;
  const requiredSkills = conversation.requiredSkills ?? held?.requiredSkills;
  return {
    ...rest,
    unread,
    lastReadSeq,
    ...(tags ? { tags } : {}),
    ...(priority ? { priority } : {}),
    ...(teamId !== undefined ? { teamId } : {}),
    ...(requiredSkills ? { requiredSkills } : {}),
  };
}

/** Frames can cross (an ack and a broadcast for the same change); never let an older copy win. */
function isOlder(incoming: Conversation, held: InboxEntry): boolean {
  return incoming.updatedAt < held.updatedAt || incoming.lastSeq < held.lastSeq;
}

/** A snapshot is the whole truth after (re)subscribing: it replaces, never merges, so nothing stale survives. */
export function applySnapshot(conversations: readonly Conversation[]): InboxState {
  const next: Record<string, InboxEntry> = {};
  for (const c of conversations) next[c.id] = toEntry(c, c.unread ?? 0, c.lastReadSeq ?? 0);
  return next;
}

/**
 * A live `conversation.updated`. Unread grows by one per new visitor message the agent has not seen:
 * its seq is past both the read mark and the last message already counted (an update about status or
 * assignee repeats the same last message and must not count twice). The open conversation stays at 0.
 */
export function applyUpdate(
  state: InboxState,
  conversation: Conversation,
  openId: string | null,
): InboxState {
  const held = state[conversation.id];
  const isOpen = conversation.id === openId;
  const last = conversation.lastMessage;
  if (!held) {
    const lastReadSeq = conversation.lastReadSeq ?? 0;
    const fresh = last?.authorType === 'visitor' && last.seq > lastReadSeq ? 1 : 0;
    const unread = isOpen ? 0 : (conversation.unread ?? fresh);
    return { ...state, [conversation.id]: toEntry(conversation, unread, lastReadSeq) };
  }
  if (isOlder(conversation, held)) return state;
  const isNewVisitorMessage =
    last?.authorType === 'visitor' && last.seq > held.lastReadSeq && last.seq > (held.lastMessage?.seq ?? 0);
  const unread = isOpen ? 0 : held.unread + (isNewVisitorMessage ? 1 : 0);
  return { ...state, [conversation.id]: toEntry(conversation, unread, held.lastReadSeq, held) };
}

/** A conversation carried by an ack or a history frame: fresher fields, but it says nothing about unread. */
export function upsertConversation(state: InboxState, conversation: Conversation): InboxState {
  const held = state[conversation.id];
  if (held && isOlder(conversation, held)) return state;
  const entry = toEntry(
    conversation,
    held?.unread ?? 0,
    held?.lastReadSeq ?? conversation.lastReadSeq ?? 0,
    held,
  );
  return { ...state, [conversation.id]: entry };
}

export function markRead(state: InboxState, conversationId: string, seq: number): InboxState {
  const held = state[conversationId];
  if (!held || (held.unread === 0 && held.lastReadSeq >= seq)) return state;
  return { ...state, [conversationId]: { ...held, unread: 0, lastReadSeq: Math.max(held.lastReadSeq, seq) } };
}

/** A `tags.updated` frame: the whole new list of one conversation. */
export function applyTags(state: InboxState, conversationId: string, tags: readonly string[]): InboxState {
  const held = state[conversationId];
  if (!held) return state;
  return { ...state, [conversationId]: { ...held, tags: [...tags] } };
}

/** A `routing.updated` frame: the conversation's priority, team and required skills, all at once. */
export function applyRouting(state: InboxState, frame: RoutingUpdatedFrame): InboxState {
  const held = state[frame.conversationId];
  if (!held) return state;
  const { priority, teamId, requiredSkills } = frame;
  return { ...state, [frame.conversationId]: { ...held, priority, teamId, requiredSkills } };
}

/** Every tag in use in the list, sorted, for the inbox's tag filter. */
export function knownTags(state: InboxState): string[] {
  const tags = new Set<string>();
  for (const e of Object.values(state)) for (const t of e.tags ?? []) tags.add(t);
  return [...tags].sort();
}

export function inTab(entry: InboxEntry, tab: Tab, meId: string): boolean {
  if (tab === 'all') return true;
  if (entry.status !== 'open') return false;
  return tab === 'new' ? entry.assigneeId === null : entry.assigneeId === meId;
}

/** What the inbox list narrows to besides its tab: a tag, a team (null: any). */
export interface ListFilter {
  tag?: string | null;
  teamId?: string | null;
}

export function matchesFilter(entry: InboxEntry, { tag = null, teamId = null }: ListFilter): boolean {
  return (tag === null || (entry.tags ?? []).includes(tag)) && (teamId === null || entry.teamId === teamId);
}

/** Most recently active first; the id breaks ties so rows do not jump between renders. */
export function listTab(state: InboxState, tab: Tab, meId: string, filter: ListFilter = {}): InboxEntry[] {
  return Object.values(state)
    .filter((e) => inTab(e, tab, meId) && matchesFilter(e, filter))
    .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function tabUnread(state: InboxState, tab: Tab, meId: string): number {
  let sum = 0;
  for (const e of Object.values(state)) if (inTab(e, tab, meId)) sum += e.unread;
  return sum;
}

export function totalUnread(state: InboxState): number {
  return tabUnread(state, 'all', '');
}
