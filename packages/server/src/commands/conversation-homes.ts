import type { ConversationHome } from '../domain/access';
import type { Store } from '../storage/store';

/**
 * Each conversation's visitor and inbox, cached: they are fixed at creation, and they are all a
 * visitor's access to a conversation depends on, so a visitor's message needs no read before it is
 * stored. Bounded; refilled on demand.
 */
export class ConversationHomes {
  private readonly homes = new Map<string, ConversationHome>();

  constructor(
    private readonly store: Store,
    private readonly max = 50_000,
  ) {}

  async of(conversationId: string): Promise<ConversationHome | undefined> {
    const cached = this.homes.get(conversationId);
    if (cached !== undefined) return cached;
    const conversation = await this.store.getConversation(conversationId);
    if (conversation === undefined) return undefined;
    if (this.homes.size >= this.max) this.homes.clear();
    const home = { visitorId: conversation.visitorId, inboxId: conversation.inboxId };
    this.homes.set(conversationId, home);
    return home;
  }
}
