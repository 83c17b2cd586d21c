import { LIMITS } from '@candor/protocol';
import type { Conversation, Message } from '@candor/protocol';
import type { Actor } from '../domain/types';
import type { ChatContext } from './context';
import { loadReadable } from './load-conversation';
import { presentConversations, presentMessages } from './presenters';

/**
 * What an inbox shows: every open conversation (the work), then the latest resolved ones (history).
 * Open ones past the limit are the most recently active, not the longest waiting: a surge must never
 * hide the customers who have waited longest, and anything active reaches the console live anyway.
 */
export const INBOX_OPEN_LIMIT = 1_000;
export const INBOX_RESOLVED_LIMIT = 200;

export async function history(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
  { afterSeq, limit = LIMITS.historyPageMax }: { afterSeq: number; limit?: number },
): Promise<{ conversation: Conversation; messages: Message[]; complete: boolean }> {
  const record = await loadReadable(ctx, actor, conversationId);
  const pageSize = Math.min(Math.max(1, limit), LIMITS.historyPageMax);
  const rows = await ctx.store.listMessages(record.id, afterSeq, pageSize);
  const presented = await presentConversations(ctx, [record], readerOf(actor));
  const [conversation] = actor.kind === 'visitor' ? await withSeen(ctx, presented) : presented;
  const messages = await presentMessages(ctx, rows);
  const last = rows.at(-1)?.seq ?? afterSeq;
  return { conversation: conversation!, messages, complete: last >= record.lastSeq };
}

export type InboxView = 'new' | 'mine' | 'all';

export interface InboxFilter {
  status?: 'open' | 'resolved';
  /** Only conversations with this tag. */
  tag?: string;
  /** Only conversations transferred to this team. */
  teamId?: string;
}

export interface InboxList {
  /** Most recently updated first. */
  conversations: Conversation[];
  /**
   * Open conversations of the view left out by INBOX_OPEN_LIMIT (0: every one is there). Never the
   * agent's own: those are listed whatever the cut (up to the limit again).
   */
  openNotShown: number;
}

export async function listInbox(
  ctx: ChatContext,
  actor: Extract<Actor, { kind: 'agent' }>,
  view: InboxView = 'all',
  { status, tag, teamId }: InboxFilter = {},
): Promise<InboxList> {
  const { inboxIds } = actor;
  // A tag or a team narrows every part of the list alike (a tag already normalised by the caller).
  const tagged = { ...(tag === undefined ? {} : { tag }), ...(teamId === undefined ? {} : { teamId }) };
  const assignee =
    view === 'new' ? { assigneeId: null } : view === 'mine' ? { assigneeId: actor.agentId } : {};
  const wantsOpen = view !== 'all' || status !== 'resolved';
  const wantsResolved = view === 'all' && status !== 'open';
  const openOf = (filter: { assigneeId?: string | null }) =>
    ctx.store.listConversations({
      inboxIds,
      status: 'open',
      ...tagged,
      ...filter,
      limit: INBOX_OPEN_LIMIT,
      order: 'oldest',
    });
  const [open, mine, resolved] = await Promise.all([
    wantsOpen ? openOf(assignee) : [],
    // The whole inbox's cut must not take an agent's own conversations away from them.
    wantsOpen && view === 'all' ? openOf({ assigneeId: actor.agentId }) : [],
    wantsResolved
      ? ctx.store.listConversations({ inboxIds, status: 'resolved', ...tagged, limit: INBOX_RESOLVED_LIMIT })
      : [],
  ]);
  const openShown = new Map([...open, ...mine].map((record) => [record.id, record]));
  const openNotShown =
    open.length < INBOX_OPEN_LIMIT
      ? 0
      : (await ctx.store.countConversations({ inboxIds, status: 'open', ...tagged, ...assignee })) -
        openShown.size;
  const records = [...openShown.values(), ...resolved].sort(
    (a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  return { conversations: await presentConversations(ctx, records, actor.agentId), openNotShown };
}

/** The `inbox.snapshot` frame for a list, answering `ref` if the request had one. */
export function inboxSnapshot({ conversations, openNotShown }: InboxList, ref?: string) {
  return {
    type: 'inbox.snapshot' as const,
    ...(ref ? { ref } : {}),
    conversations,
    ...(openNotShown > 0 ? { openNotShown } : {}),
  };
}

export async function visitorConversations(
  ctx: ChatContext,
  actor: Extract<Actor, { kind: 'visitor' }>,
): Promise<Conversation[]> {
  return withSeen(
    ctx,
    await presentConversations(ctx, await ctx.store.listVisitorConversations(actor.visitorId, 20)),
  );
}

export async function markRead(ctx: ChatContext, actor: Actor, conversationId: string, seq: number) {
  if (actor.kind !== 'agent') return;
  const record = await loadReadable(ctx, actor, conversationId);
  const upTo = Math.min(seq, record.lastSeq);
  await ctx.store.markRead(actor.agentId, record.id, upTo);
  // The visitor's read receipt. Every mark is said (the console sends each once per socket); the
  // widget keeps the highest, so a stale one changes nothing.
  if (upTo > 0)
    ctx.emit({
      type: 'conversation.seen',
      conversationId: record.id,
      visitorId: record.visitorId,
      seq: upTo,
    });
}

/** Visitor views carry how far agents have read (read receipts survive a reload). */
async function withSeen(ctx: ChatContext, conversations: Conversation[]): Promise<Conversation[]> {
  const seen = await ctx.store.seenSeqs(conversations.map((c) => c.id));
  return conversations.map((c) => ({ ...c, seenSeq: seen.get(c.id) ?? 0 }));
}

function readerOf(actor: Actor): string | undefined {
  return actor.kind === 'agent' ? actor.agentId : undefined;
}
