/**
 * What the visitor sees, as pure data: the stored messages of the current conversation merged by seq,
 * and the outbox of messages not yet confirmed stored. No DOM, no socket, no timers.
 */
import type { Author, BotArticleLink, Conversation, ErrorCode, Message } from '@candor/protocol';

export interface OutboxEntry {
  /** Idempotency key: the same one is sent on every retry, so the server stores the message once. */
  clientKey: string;
  body: string;
  createdAt: number;
  /** Set when the server refused it for good; cleared by a retry. */
  failed?: ErrorCode;
}

export interface Timeline {
  conversationId: string | null;
  /** Details of the current conversation, once the server sent them. */
  conversation: Conversation | null;
  /** Ascending by seq, one per seq. */
  messages: Message[];
  /**
   * Highest seq received through the ordered stream (history and message.created). Acks do not advance
   * it: an ack may overtake a live message with a lower seq, and resuming after the ack would skip it.
   */
  syncedSeq: number;
  /** In the order typed; sent in that order. */
  outbox: OutboxEntry[];
  /** The highest seq an agent has read (read receipts); 0 when none or not known yet. */
  seenSeq: number;
}

export type ItemState = 'sending' | 'sent' | 'failed';

/** One row of the message list. */
export interface Item {
  /** Stable across the sending → sent transition, so the row is updated rather than replaced. */
  key: string;
  seq: number | null;
  state: ItemState;
  author: Author;
  body: string;
  failed?: ErrorCode;
  /** When it was stored (or typed, while sending). */
  at: number;
  /** Set on the visitor's last message an agent has read: it shows "Seen". */
  seen?: true;
  /** Stored messages: the server's id (the bot's Yes/No name the answer by it). */
  id?: string;
  /** A bot message: the help articles it offers. */
  articles?: BotArticleLink[];
  /** The bot's latest answer, still waiting for Yes or No. */
  ask?: true;
}

/** The bot still answers: its last message says so, or it is about to answer a first message. */
export function botActive(t: Timeline, botOn: boolean): boolean {
  let last: Message | undefined;
  for (const m of t.messages) if (m.author.type === 'bot') last = m;
  return last ? last.botActive === true : botOn && t.messages.length < 2 && !t.conversation?.assigneeId;
}

export function emptyTimeline(outbox: OutboxEntry[] = []): Timeline {
  return { conversationId: null, conversation: null, messages: [], syncedSeq: 0, outbox, seenSeq: 0 };
}

/** An agent read the conversation up to `seq` (a read receipt, or a conversation view carrying it). */
export function seen(t: Timeline, conversationId: string, seq: number | undefined): Timeline {
  return conversationId === t.conversationId && seq !== undefined && seq > t.seenSeq
    ? { ...t, seenSeq: seq }
    : t;
}

export function mergeMessages(held: readonly Message[], incoming: readonly Message[]): Message[] {
  const bySeq = new Map(held.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Switches to another conversation (or none): what was held belonged to the previous one. */
export function adopt(t: Timeline, conversationId: string | null, conversation?: Conversation): Timeline {
  return { ...emptyTimeline(t.outbox), conversationId, conversation: conversation ?? null };
}

function settle(outbox: OutboxEntry[], messages: readonly Message[]): OutboxEntry[] {
  const stored = new Set(messages.map((m) => m.clientKey));
  const rest = outbox.filter((e) => !stored.has(e.clientKey));
  return rest.length === outbox.length ? outbox : rest;
}

/** Messages from the ordered stream (history page or live). Others' conversations only settle the outbox. */
export function receive(t: Timeline, messages: readonly Message[], conversation?: Conversation): Timeline {
  const mine = messages.filter((m) => m.conversationId === t.conversationId);
  if (conversation) t = seen(t, conversation.id, conversation.seenSeq);
  return {
    ...t,
    conversation: conversation?.id === t.conversationId ? conversation : t.conversation,
    messages: mine.length ? mergeMessages(t.messages, mine) : t.messages,
    syncedSeq: Math.max(t.syncedSeq, ...mine.map((m) => m.seq)),
    outbox: settle(t.outbox, messages),
  };
}

/** The server confirmed it stored the entry with this key. */
export function acknowledge(t: Timeline, clientKey: string, message?: Message): Timeline {
  const outbox = t.outbox.filter((e) => e.clientKey !== clientKey);
  const shown = message && message.conversationId === t.conversationId;
  return { ...t, outbox, messages: shown ? mergeMessages(t.messages, [message]) : t.messages };
}

export function enqueue(t: Timeline, entry: OutboxEntry): Timeline {
  return { ...t, outbox: [...t.outbox, entry] };
}

export function markFailed(t: Timeline, clientKey: string, code: ErrorCode): Timeline {
  return { ...t, outbox: t.outbox.map((e) => (e.clientKey === clientKey ? { ...e, failed: code } : e)) };
}

export function markRetry(t: Timeline, clientKey: string): Timeline {
  return {
    ...t,
    outbox: t.outbox.map((e) =>
      e.clientKey === clientKey ? { clientKey: e.clientKey, body: e.body, createdAt: e.createdAt } : e,
    ),
  };
}

/** The visitor deleted a message the server refused: only a failed one, never one being sent. */
export function discard(t: Timeline, clientKey: string): Timeline {
  return { ...t, outbox: t.outbox.filter((e) => e.clientKey !== clientKey || !e.failed) };
}

/** The oldest entry still to send; failed ones wait for the visitor and do not hold the others back. */
export function nextToSend(t: Timeline): OutboxEntry | undefined {
  return t.outbox.find((e) => !e.failed);
}

const VISITOR: Author = { type: 'visitor', id: null, name: '' };

export function items(t: Timeline): Item[] {
  const sent: Item[] = t.messages.map((m) => ({
    key: m.clientKey ?? `s${m.seq}`,
    seq: m.seq,
    state: 'sent',
    author: m.author,
    body: m.body,
    at: m.createdAt,
    id: m.id,
    ...(m.articles?.length ? { articles: m.articles } : {}),
  }));
  const last = t.messages[t.messages.length - 1];
  if (last?.botActive && last.articles?.length) sent[sent.length - 1]!.ask = true;
  for (let i = sent.length - 1; i >= 0; i--) {
    const item = sent[i]!;
    if (item.author.type === 'visitor' && item.seq! <= t.seenSeq) {
      item.seen = true;
      break;
    }
  }
  const shown = new Set(sent.map((i) => i.key));
  const pending: Item[] = t.outbox
    .filter((e) => !shown.has(e.clientKey))
    .map((e) => ({
      key: e.clientKey,
      seq: null,
      state: e.failed ? 'failed' : 'sending',
      author: VISITOR,
      body: e.body,
      at: e.createdAt,
      ...(e.failed ? { failed: e.failed } : {}),
    }));
  return [...sent, ...pending];
}
