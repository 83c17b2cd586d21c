/**
 * The bot's turn as a small state machine: the state of a conversation's bot turn and an event (a
 * visitor's message with the answerer's answer to it, a Yes/No to "Did this answer your question?",
 * the "Talk to a person" button) give the next state and what the bot says. Pure: the caller asks the
 * answerer, stores the state with the conversation, posts the reply and routes a handover.
 *
 * Rules: a request for a person (typed or the button) or a frustrated message hands over at once; so
 * does an answer below the confidence threshold. After an answer, Yes ends the bot turn; No is a miss
 * and offers the next best article once, if the answerer was confident in it; a second miss in a row
 * (No again, or a new question instead of a Yes after a No) hands over.
 */
import type { AnswerSource, BotAnswer } from './answerer';
import { isConfident } from './confidence';
import { asksForPerson, isFrustrated } from './visitor-signals';

export type HandoverReason = 'requested' | 'frustrated' | 'low-confidence' | 'missed-twice';

export type BotState =
  /** Waiting for a question; `misses` counts the answers rejected in a row. */
  | { phase: 'listening'; misses: number }
  /** An article was offered; `offered` is its index in `answer.sources`. */
  | { phase: 'awaiting-feedback'; answer: BotAnswer; offered: number; misses: number }
  /** The visitor said the answer helped: the bot turn is over (a new question starts another). */
  | { phase: 'answered' }
  /** A person takes over; the bot stays silent in this conversation from now on. */
  | { phase: 'handed-over'; reason: HandoverReason };

export type BotEvent =
  | { type: 'message'; text: string; answer: BotAnswer }
  | { type: 'feedback'; helpful: boolean }
  | { type: 'person-requested' };

export type BotReply =
  /** Show the article's excerpt and link, then ask "Did this answer your question?". */
  | { type: 'answer'; source: AnswerSource; confidence: number; secondTry: boolean }
  | { type: 'glad-it-helped' }
  | { type: 'handover'; reason: HandoverReason }
  | { type: 'silent' };

export const INITIAL_BOT_STATE: BotState = { phase: 'listening', misses: 0 };

export function stepBot(state: BotState, event: BotEvent): { state: BotState; reply: BotReply } {
  if (state.phase === 'handed-over') return { state, reply: { type: 'silent' } };
  if (event.type === 'person-requested') return handOver('requested');
  if (event.type === 'feedback') {
    if (state.phase !== 'awaiting-feedback') return { state, reply: { type: 'silent' } };
    if (event.helpful) return { state: { phase: 'answered' }, reply: { type: 'glad-it-helped' } };
    return afterMiss(state.answer, state.offered, state.misses + 1);
  }
  if (asksForPerson(event.text)) return handOver('requested');
  if (isFrustrated(event.text)) return handOver('frustrated');
  // A new question instead of a Yes: the article offered did not answer; after a No, that is two misses.
  let misses = state.phase === 'answered' ? 0 : state.misses;
  if (state.phase === 'awaiting-feedback' && ++misses >= 2) return handOver('missed-twice');
  const source = event.answer.sources[0];
  if (!source || !isConfident(event.answer.confidence)) return handOver('low-confidence');
  return offer(event.answer, 0, misses);
}

function afterMiss(answer: BotAnswer, offered: number, misses: number): { state: BotState; reply: BotReply } {
  if (misses >= 2) return handOver('missed-twice');
  const next = answer.sources[offered + 1];
  if (offered > 0 || !next || !isConfident(next.confidence)) return handOver('low-confidence');
  return offer(answer, offered + 1, misses);
}

function offer(answer: BotAnswer, index: number, misses: number): { state: BotState; reply: BotReply } {
  const source = answer.sources[index]!;
  return {
    state: { phase: 'awaiting-feedback', answer, offered: index, misses },
    reply: { type: 'answer', source, confidence: source.confidence, secondTry: index > 0 },
  };
}

function handOver(reason: HandoverReason): { state: BotState; reply: BotReply } {
  return { state: { phase: 'handed-over', reason }, reply: { type: 'handover', reason } };
}
