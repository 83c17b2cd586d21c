/**
 * The bot in conversations (issue 13): what a bot message carries, and the visitor's two frames to it
 * (feedback on an answer, a request for a person). Kept apart from schemas.ts, which re-exports
 * everything here and lists the frames in its unions.
 */
import { z } from 'zod';

const id = z.string().min(1).max(64);
const ref = z.string().min(1).max(64).optional();

/** A help article the bot offered: its public page in the help centre. */
export const botArticleLinkSchema = z.object({ id, title: z.string(), url: z.string() });

/** An inbox's bot switch, as admins see and set it. */
export const inboxBotSchema = z.object({ enabled: z.boolean() });

/**
 * Visitor only: whether the article in the bot's answer `messageId` helped. Yes ends the bot's turn; No
 * offers the next best article once, then hands over to a person. Feedback on any other message (an
 * older answer, a repeated click) changes nothing.
 */
export const botFeedbackFrame = z.object({
  type: z.literal('bot.feedback'),
  ref,
  conversationId: id,
  messageId: id,
  helpful: z.boolean(),
});

/** Visitor only: the "Talk to a person" button. The bot says so and the conversation enters routing. */
export const botHandoverFrame = z.object({
  type: z.literal('bot.handover'),
  ref,
  conversationId: id,
});
