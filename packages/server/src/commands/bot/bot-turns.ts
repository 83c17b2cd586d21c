/**
 * The bot's turn in conversations (issue 13). A listener on domain events emitted by this node (never
 * on events from the bus, so one message is answered by one node): a visitor's first message in an
 * inbox whose bot is on starts a turn; later visitor messages, and the visitor's Yes/No and "Talk to a
 * person" frames, step it. Each step loads the stored state, asks the answerer (published articles in
 * the visitor's language), steps the pure state machine (domain/bot/handover.ts) and saves the next
 * state only if the stored version is still the one it read: a second node stepping the same
 * conversation at once loses, reads again and steps from there, so one event never gets two replies.
 * Then the reply is posted as a `bot` message; a handover puts the conversation in the routing queue.
 */
import type { Message } from '@candor/protocol';
import type { Answerer } from '../../domain/bot/answerer';
import type { BotLocale } from '../../domain/bot/bot-article';
import { botLocaleOf, botMessageOf, type BotMessageDraft } from '../../domain/bot/bot-message';
import { INITIAL_BOT_STATE, stepBot, type BotEvent, type BotState } from '../../domain/bot/handover';
import type { DomainEvent } from '../../domain/events';
import type { BotStateRecord } from '../../storage/bot-store';
import { articleUrl } from '../articles';
import type { ChatContext } from '../context';
import { presentConversation, presentMessage } from '../presenters';
import type { BotArticles } from './bot-articles';

/** What the visitor did, before the answerer is asked about it. */
export type BotInput =
  | { type: 'message'; text: string }
  | { type: 'feedback'; messageId: string; helpful: boolean }
  | { type: 'person-requested' };

/** Lost races retried before giving up: each loss means another node moved the state on. */
const ATTEMPTS = 5;

export class BotTurns {
  /** Steps of one conversation run one after another on this node, in the order they came. */
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ctx: () => ChatContext,
    private readonly answerer: Answerer,
    readonly articles: BotArticles,
    private readonly onError: (err: unknown, what: string) => void,
  ) {}

  /** Listener for this node's domain events; costs one Set lookup for a message in an inbox without a bot. */
  onEvent(event: DomainEvent): void {
    if (event.type !== 'message.created' || event.message.author.type !== 'visitor') return;
    const { message, conversation } = event;
    // An account-recovery conversation (issue 14) is for people only.
    if (conversation.recovery || !this.ctx().settings.botEnabled(conversation.inboxId)) return;
    void this.step(
      conversation.id,
      conversation.inboxId,
      { type: 'message', text: message.body },
      {
        start: message.seq === 1,
      },
    ).catch((err: unknown) => this.onError(err, 'bot turn'));
  }

  /**
   * Runs one step for this conversation, after the ones already queued on this node. `start`: a
   * conversation without a state gets the first one (a new conversation in an inbox with the bot on).
   * Resolves once the reply is posted; false when the bot had nothing to do (no turn, or over).
   */
  step(conversationId: string, inboxId: string, input: BotInput, { start = false } = {}): Promise<boolean> {
    const previous = this.chains.get(conversationId) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(() => this.advance(conversationId, inboxId, input, start));
    this.chains.set(conversationId, run);
    void run
      .finally(() => {
        if (this.chains.get(conversationId) === run) this.chains.delete(conversationId);
      })
      .catch(() => undefined);
    return run;
  }

  private async advance(conversationId: string, inboxId: string, input: BotInput, start: boolean) {
    const ctx = this.ctx();
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const stored = await ctx.store.loadBotState(conversationId);
      if (stored ? !stored.active : !start) return false;
      // A person took it (replied, assigned, or routed before the bot's first step): the bot is done there.
      const current = await ctx.store.getConversation(conversationId);
      if (!current || current.assigneeId !== null) {
        if (stored) await this.retire(stored);
        return false;
      }
      if (input.type === 'feedback' && stored?.offeredMessageId !== input.messageId) return false;
      const state = stored ? parseState(stored.state) : INITIAL_BOT_STATE;
      const locale = await this.localeOf(conversationId);
      const event = await this.eventOf(input, locale);
      const { state: next, reply } = stepBot(state, event);
      const draft = botMessageOf(reply, next, locale, (slug) => articleUrl({ locale, slug }));
      if (!draft) return false;
      const version = (stored?.version ?? 0) + 1;
      const record: BotStateRecord = {
        conversationId,
        inboxId,
        version,
        active: draft.active,
        state: JSON.stringify(next),
        offeredMessageId: null,
        updatedAt: ctx.now(),
      };
      if (!(await ctx.store.saveBotState(stored?.version ?? 0, record))) continue; // another node moved it on
      const message = await this.post(conversationId, draft, version);
      if (reply.type === 'answer')
        // Feedback is taken on this answer only; if another step moved on meanwhile, that one stands.
        await ctx.store.saveBotState(version, {
          ...record,
          version: version + 1,
          offeredMessageId: message.id,
        });
      const conversation = await this.conversation(conversationId);
      ctx.emit({ type: 'message.created', message, conversation });
      ctx.emit({ type: 'conversation.updated', conversation });
      if (!draft.active) await this.handOver(conversationId);
      return true;
    }
    throw new Error('bot state kept changing');
  }

  /** Marks the bot's turn over without a word, so the conversation is routed like any other from now on. */
  private async retire(stored: BotStateRecord): Promise<void> {
    const ctx = this.ctx();
    const state: BotState = { phase: 'handed-over', reason: 'requested' };
    await ctx.store.saveBotState(stored.version, {
      ...stored,
      version: stored.version + 1,
      active: false,
      state: JSON.stringify(state),
      offeredMessageId: null,
      updatedAt: ctx.now(),
    });
  }

  private async eventOf(input: BotInput, locale: BotLocale): Promise<BotEvent> {
    if (input.type === 'person-requested') return input;
    if (input.type === 'feedback') return { type: 'feedback', helpful: input.helpful };
    const articles = await this.articles.of(locale);
    const answer = await this.answerer.answer({ text: input.text, locale }, articles);
    return { type: 'message', text: input.text, answer };
  }

  private async localeOf(conversationId: string): Promise<BotLocale> {
    const ctx = this.ctx();
    const home = await ctx.homes.of(conversationId);
    const visitor = home && (await ctx.store.findVisitorById(home.visitorId));
    return botLocaleOf(visitor?.locale);
  }

  /** Appends the bot's message, then what it offered; emitted by the caller once the state says so. */
  private async post(conversationId: string, draft: BotMessageDraft, version: number): Promise<Message> {
    const ctx = this.ctx();
    const result = await ctx.store.appendMessage(conversationId, {
      authorType: 'bot',
      authorId: null,
      body: draft.body,
      clientKey: `bot-${version}-${conversationId}`.slice(0, 64),
      now: ctx.now(),
    });
    const meta = { articles: draft.articles, confidence: draft.confidence, active: draft.active };
    await ctx.store.recordBotMessage({ messageId: result.message.id, conversationId, ...meta });
    const message = await presentMessage(ctx, result.message);
    return { ...message, articles: meta.articles, confidence: meta.confidence, botActive: meta.active };
  }

  private async conversation(conversationId: string) {
    const ctx = this.ctx();
    const record = await ctx.store.getConversation(conversationId);
    if (!record) throw new Error('conversation vanished');
    return presentConversation(ctx, record);
  }

  /** As a new conversation enters routing: waiting from now, then a pass (queue, assignment, positions). */
  private async handOver(conversationId: string): Promise<void> {
    const ctx = this.ctx();
    const updated = await ctx.store.updateConversation(conversationId, {
      waitingSince: ctx.now(),
      now: ctx.now(),
    });
    if (!updated) return;
    ctx.emit({ type: 'conversation.updated', conversation: await presentConversation(ctx, updated) });
    ctx.routing?.soon(updated.inboxId);
  }
}

/** Written by this code; a state that does not read (another version's) hands over rather than guess. */
function parseState(text: string): BotState {
  try {
    const value = JSON.parse(text) as BotState;
    if (value && typeof value === 'object' && typeof value.phase === 'string') return value;
  } catch {
    // fall through
  }
  return { phase: 'handed-over', reason: 'requested' };
}
