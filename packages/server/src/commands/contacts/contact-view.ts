/** The contact panel of a conversation: who the visitor is, where they are, and their other chats. */
import type { Contact } from '@candor/protocol';
import { canRead } from '../../domain/access';
import { pagesDuringChat, PAGES_KEPT } from '../../domain/contacts/pages';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/types';
import type { ChatContext } from '../context';
import { loadReadable } from '../load-conversation';

/** Earlier conversations listed. */
const EARLIER_MAX = 20;

export async function contactOf(ctx: ChatContext, actor: Actor, conversationId: string): Promise<Contact> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Only agents see contacts.');
  const conversation = await loadReadable(ctx, actor, conversationId);
  const { visitorId } = conversation;
  const [contact, pages, others] = await Promise.all([
    ctx.store.findContact(visitorId),
    ctx.store.listPages(visitorId, PAGES_KEPT),
    ctx.store.listVisitorConversations(visitorId, EARLIER_MAX + 1),
  ]);
  if (!contact) throw new DomainError('not_found', 'No such conversation.');
  return {
    visitorId,
    name: contact.name,
    email: contact.email,
    verification: contact.verification,
    language: contact.language,
    timeZone: contact.timeZone,
    currentPage: pages[0] ?? null,
    pages: pagesDuringChat(pages, conversation),
    // By visitor id only, and only in the agent's inboxes: never by a typed email.
    conversations: others
      .filter((c) => c.id !== conversationId && canRead(actor, c))
      .slice(0, EARLIER_MAX)
      .map((c) => ({ id: c.id, status: c.status, createdAt: c.createdAt, updatedAt: c.updatedAt })),
  };
}
