/**
 * The visitor's unsent draft ("typing preview") as pure functions of frames. Only the open conversation's
 * draft is kept: it is the only one shown, and a conversation we stopped streaming would miss the visitor's
 * message that ends its draft. Memory only: a draft is never written to storage.
 */
import type { Conversation, Message, PreviewState } from '@candor/protocol';

export type VisitorDrafts = Readonly<Record<string, string>>;

export const noDrafts: VisitorDrafts = {};

/** Drafts reach agents only when the inbox allows the preview and the visitor has it on. */
export function previewEnabled(preview: PreviewState): boolean {
  return preview.policy !== 'off' && preview.enabled;
}

export function clearDraft(drafts: VisitorDrafts, conversationId: string): VisitorDrafts {
  if (!(conversationId in drafts)) return drafts;
  const { [conversationId]: _dropped, ...rest } = drafts;
  return rest;
}

/** A `draft.updated`: the latest text replaces the previous one; '' clears it. */
export function applyDraft(
  drafts: VisitorDrafts,
  frame: { conversationId: string; text: string },
  openId: string | null,
): VisitorDrafts {
  if (frame.conversationId !== openId || frame.text === '') return clearDraft(drafts, frame.conversationId);
  if (drafts[frame.conversationId] === frame.text) return drafts;
  return { ...drafts, [frame.conversationId]: frame.text };
}

/** The visitor sent a message: what they were typing is now in the log, not a draft. */
export function applyVisitorMessage(drafts: VisitorDrafts, message: Message): VisitorDrafts {
  return message.author.type === 'visitor' ? clearDraft(drafts, message.conversationId) : drafts;
}

/**
 * A fresher copy of a conversation: its draft goes when the preview is no longer enabled, or when the
 * visitor's message count moved past `heldLastSeq` (the last message seq held before this copy).
 */
export function applyConversation(
  drafts: VisitorDrafts,
  conversation: Conversation,
  heldLastSeq: number,
): VisitorDrafts {
  const last = conversation.lastMessage;
  const visitorSent = last?.authorType === 'visitor' && last.seq > heldLastSeq;
  return !previewEnabled(conversation.preview) || visitorSent ? clearDraft(drafts, conversation.id) : drafts;
}

/** On switching conversations: nothing of another conversation survives. */
export function keepOnly(drafts: VisitorDrafts, openId: string | null): VisitorDrafts {
  const text = openId === null ? undefined : drafts[openId];
  if (openId === null || text === undefined) return Object.keys(drafts).length === 0 ? drafts : noDrafts;
  return Object.keys(drafts).length === 1 ? drafts : { [openId]: text };
}

/** What the open conversation shows: its visitor's draft, or null when there is none. */
export function shownDraft(drafts: VisitorDrafts, openId: string | null): string | null {
  return openId === null ? null : (drafts[openId] ?? null);
}
