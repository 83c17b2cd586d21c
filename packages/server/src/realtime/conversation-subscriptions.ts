import type { Message } from '@candor/protocol';
import { history } from '../commands/read-conversations';
import { loadReadable } from '../commands/load-conversation';
import { ConversationFeed } from './conversation-feed';
import type { ClientConnection } from './connection';
import { topics } from './topics';

/** Conversations one connection follows live; each has a feed that keeps seqs gapless. */
export class ConversationSubscriptions {
  private readonly feeds = new Map<string, ConversationFeed>();

  constructor(private readonly connection: ClientConnection) {}

  has(conversationId: string): boolean {
    return this.feeds.has(conversationId);
  }

  /**
   * Watch first, then read: anything stored after the read is caught live, anything before it is in
   * the history page; the feed drops the overlap.
   */
  async subscribe(conversationId: string, afterSeq: number, ref: string | undefined): Promise<void> {
    const c = this.connection;
    const actor = c.actor!;
    const { ctx, log } = c.deps;
    // Authorise before watching, so nobody listens in on a conversation they may not read.
    await loadReadable(ctx, actor, conversationId);
    const feed = new ConversationFeed(
      afterSeq,
      (text) => c.sendText(text),
      async (seq) => (await history(ctx, actor, conversationId, { afterSeq: seq })).messages,
      (err) => log.error({ err: String(err) }, 'feed heal failed'),
    );
    this.feeds.set(conversationId, feed);
    await c.watch(topics.conversation(conversationId));
    const page = await history(ctx, actor, conversationId, { afterSeq });
    c.send({ type: 'conversation.history', ...(ref ? { ref } : {}), ...page });
    if (this.feeds.get(conversationId) === feed) {
      feed.replayed(page.messages.at(-1)?.seq ?? afterSeq, page.complete);
    }
  }

  unsubscribe(conversationId: string): void {
    this.feeds.delete(conversationId);
    this.connection.unwatch(topics.conversation(conversationId));
  }

  live(message: Message, text: string): void {
    this.feeds.get(message.conversationId)?.live(message, text);
  }

  clear(): void {
    this.feeds.clear();
  }
}
