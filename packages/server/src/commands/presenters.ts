/** Records -> wire shapes. Batched so an inbox of N rows costs a fixed number of queries. */
import type { Conversation, Message } from '@candor/protocol';
import type { ConversationRecord, MessageRecord } from '../domain/types';
import type { LastMessage } from '../storage/store';
import { previewOf } from '../domain/message-body';
import type { ChatContext } from './context';
import { isRecoveryConversation, recoveryIds } from './recovery/recovery-marks';

/** Drafts flow only when the inbox allows it AND the visitor's switch is on. */
export function previewState(ctx: ChatContext, r: ConversationRecord) {
  const policy = ctx.settings.policy(r.inboxId);
  return { policy, enabled: policy !== 'off' && r.previewEnabled };
}

export async function presentMessage(ctx: ChatContext, m: MessageRecord): Promise<Message> {
  const name =
    m.authorType === 'visitor' && m.authorId
      ? await ctx.names.visitor(m.authorId)
      : m.authorType === 'agent' && m.authorId
        ? await ctx.names.agent(m.authorId)
        : 'Candor';
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    author: { type: m.authorType, id: m.authorId, name },
    body: m.body,
    clientKey: m.clientKey,
    createdAt: m.createdAt,
  };
}

/**
 * A page of messages, bot messages with what they offered (a side table, read only when the page has
 * one: conversations the bot never answered cost nothing more).
 */
export async function presentMessages(ctx: ChatContext, rows: readonly MessageRecord[]): Promise<Message[]> {
  const botIds = rows.filter((m) => m.authorType === 'bot').map((m) => m.id);
  const meta = botIds.length > 0 ? await ctx.store.botMessages(botIds) : undefined;
  return Promise.all(
    rows.map(async (m) => {
      const message = await presentMessage(ctx, m);
      const bot = meta?.get(m.id);
      return bot
        ? { ...message, articles: bot.articles, confidence: bot.confidence, botActive: bot.active }
        : message;
    }),
  );
}

export async function presentConversations(
  ctx: ChatContext,
  records: readonly ConversationRecord[],
  readerAgentId?: string,
): Promise<Conversation[]> {
  const ids = records.map((r) => r.id);
  const [last, reads, tags, skills, recovery] = await Promise.all([
    ctx.store.lastMessages(ids),
    readerAgentId ? ctx.store.readStates(readerAgentId, ids) : Promise.resolve(undefined),
    // Tags and routing are agents' own: only a view for an agent reads and carries them.
    readerAgentId ? ctx.store.tagsOf(ids) : Promise.resolve(undefined),
    readerAgentId ? ctx.store.requiredSkillsOf(ids) : Promise.resolve(undefined),
    recoveryIds(ctx, ids),
  ]);
  const lastById = new Map(last.map((l) => [l.conversationId, l]));
  return Promise.all(
    records.map(async (r) => {
      const conversation = await presentOne(ctx, r, lastById.get(r.id), recovery.has(r.id));
      const read = reads?.get(r.id);
      const withRead = read
        ? { ...conversation, lastReadSeq: read.lastReadSeq, unread: read.unread }
        : conversation;
      if (!tags || !skills) return withRead;
      return { ...withRead, tags: tags.get(r.id) ?? [], ...routingOf(r, skills.get(r.id) ?? []) };
    }),
  );
}

/** What agents see of a conversation's routing; kept off conversation.updated, which visitors receive too. */
export function routingOf(r: ConversationRecord, requiredSkills: string[]) {
  return { priority: r.priority, teamId: r.teamId, requiredSkills };
}

/** `last`, when the caller just wrote it, saves reading it back. */
export async function presentConversation(
  ctx: ChatContext,
  r: ConversationRecord,
  last?: LastMessage,
): Promise<Conversation> {
  const [lastMessage, recovery] = await Promise.all([
    last ?? ctx.store.lastMessages([r.id]).then((rows) => rows[0]),
    isRecoveryConversation(ctx, r.id),
  ]);
  return presentOne(ctx, r, lastMessage, recovery);
}

/** `recovery`: an account-recovery conversation (issue 14); the field is left out of any other. */
async function presentOne(
  ctx: ChatContext,
  r: ConversationRecord,
  last: LastMessage | undefined,
  recovery: boolean,
) {
  return {
    id: r.id,
    inboxId: r.inboxId,
    status: r.status,
    visitorId: r.visitorId,
    visitorName: await ctx.names.visitor(r.visitorId),
    verification: await ctx.names.verification(r.visitorId),
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeId ? await ctx.names.agent(r.assigneeId) : null,
    lastSeq: r.lastSeq,
    preview: previewState(ctx, r),
    lastMessage: last
      ? {
          seq: last.seq,
          authorType: last.authorType,
          preview: previewOf(last.body),
          createdAt: last.createdAt,
        }
      : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ...(recovery ? { recovery: true } : {}),
  } satisfies Conversation;
}
