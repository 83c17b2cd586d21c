import { LIMITS } from '@candor/protocol';
import type { Conversation, Message } from '@candor/protocol';
import type { Actor } from '../domain/types';
import type { ChatContext } from './context';
import { loadReadable } from './load-conversation';
import { presentConversations, presentMessage } from './presenters';

export const INBOX_SNAPSHOT_SIZE = 200;

export async function history(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
  { afterSeq, limit = LIMITS.historyPageMax }: { afterSeq: number; limit?: number },
): Promise<{ conversation: Conversation; messages: Message[]; complete: boolean }> {
  const record = await loadReadable(ctx, actor, conversationId);
  const pageSize = Math.min(Math.max(1, limit), LIMITS.historyPageMax);
  const rows = await ctx.store.listMessages(record.id, afterSeq, pageSize);
  const [conversation] = await presentConversations(ctx, [record], readerOf(actor));
  const messages = await Promise.all(rows.map((m) => presentMessage(ctx, m)));
  const last = rows.at(-1)?.seq ?? afterSeq;
  return { conversation: conversation!, messages, complete: last >= record.lastSeq };
}

export type InboxView = 'new' | 'mine' | 'all';

export async function listInbox(
  ctx: ChatContext,
  actor: Extract<Actor, { kind: 'agent' }>,
  view: InboxView = 'all',
  status?: 'open' | 'resolved',
): Promise<Conversation[]> {
  const records = await ctx.store.listConversations({
    inboxIds: actor.inboxIds,
    limit: INBOX_SNAPSHOT_SIZE,
    ...(view === 'new' ? { assigneeId: null, status: 'open' as const } : {}),
    ...(view === 'mine' ? { assigneeId: actor.agentId, status: 'open' as const } : {}),
    ...(view === 'all' && status ? { status } : {}),
  });
  return presentConversations(ctx, records, actor.agentId);
}

export async function visitorConversations(
  ctx: ChatContext,
  actor: Extract<Actor, { kind: 'visitor' }>,
): Promise<Conversation[]> {
  return presentConversations(ctx, await ctx.store.listVisitorConversations(actor.visitorId, 20));
}

export async function markRead(ctx: ChatContext, actor: Actor, conversationId: string, seq: number) {
  if (actor.kind !== 'agent') return;
  const record = await loadReadable(ctx, actor, conversationId);
  await ctx.store.markRead(actor.agentId, record.id, Math.min(seq, record.lastSeq));
}

function readerOf(actor: Actor): string | undefined {
  return actor.kind === 'agent' ? actor.agentId : undefined;
}
