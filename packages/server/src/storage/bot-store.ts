/**
 * What the Store keeps for the bot in conversations (issue 13, migration 0016). Part of the Store seam;
 * covered by contract/bot.contract.ts on both stores.
 */
import type { BotArticleLink } from '@candor/protocol';

export interface BotStateRecord {
  conversationId: string;
  inboxId: string;
  /** 1 for the first state; each conditional save adds one. */
  version: number;
  /** The bot holds the conversation: it stays out of the routing queue. */
  active: boolean;
  /** JSON of domain/bot/handover.ts BotState. */
  state: string;
  /** The bot's answer that feedback may be about; null when it awaits none. */
  offeredMessageId: string | null;
  updatedAt: number;
}

export interface BotMessageMeta {
  messageId: string;
  conversationId: string;
  articles: BotArticleLink[];
  confidence: number;
  /** The bot still answers the conversation after this message. */
  active: boolean;
}

export interface BotStore {
  /** Inboxes whose bot is switched on. */
  listBotInboxes(): Promise<string[]>;
  /**
   * Switched off, the conversations the bot was answering in that inbox are released to routing (no
   * longer active); how many.
   */
  setInboxBot(inboxId: string, enabled: boolean, now: number): Promise<number>;
  loadBotState(conversationId: string): Promise<BotStateRecord | undefined>;
  /**
   * Writes `next` if the stored version is still `expectedVersion` (0: no state yet, which inserts it);
   * next.version must be expectedVersion + 1. false, writing nothing, when another writer got there first.
   */
  saveBotState(expectedVersion: number, next: BotStateRecord): Promise<boolean>;
  recordBotMessage(meta: BotMessageMeta): Promise<void>;
  /** The meta of those of these messages the bot wrote, by message id. */
  botMessages(messageIds: readonly string[]): Promise<Map<string, BotMessageMeta>>;
}
