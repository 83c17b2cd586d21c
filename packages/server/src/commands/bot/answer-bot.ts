/**
 * The visitor's frames to the bot: `bot.feedback` (Yes/No on an answer) and `bot.handover` ("Talk to
 * a person"). Authorised to the conversation's visitor only, then stepped like a message (bot-turns.ts);
 * the ack comes once the bot's reply is posted. Nothing happens when the bot has no turn there.
 */
import type { BotFeedbackFrame, BotHandoverFrame } from '@candor/protocol';
import { assertMayAnswerBot } from '../../domain/bot/bot-access';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/types';
import type { ChatContext } from '../context';

export async function answerBot(
  ctx: ChatContext,
  actor: Actor,
  frame: BotFeedbackFrame | BotHandoverFrame,
): Promise<void> {
  const home = await ctx.homes.of(frame.conversationId);
  assertMayAnswerBot(actor, home);
  if (!ctx.bot || !home) throw new DomainError('unavailable', 'The bot is not running.');
  const input =
    frame.type === 'bot.feedback'
      ? { type: 'feedback' as const, messageId: frame.messageId, helpful: frame.helpful }
      : { type: 'person-requested' as const };
  await ctx.bot.step(frame.conversationId, home.inboxId, input);
}
