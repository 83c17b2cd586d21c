/** A visitor's widget reports the page now open: kept (capped), and agents of the inbox are told. */
import { keptPage, PAGES_KEPT } from '../../domain/contacts/pages';
import { DomainError } from '../../domain/errors';
import { DEFAULT_INBOX_ID, type Actor } from '../../domain/types';
import type { ChatContext } from '../context';

export async function recordPageView(
  ctx: ChatContext,
  actor: Actor,
  page: { url: string; title: string },
): Promise<void> {
  if (actor.kind !== 'visitor') throw new DomainError('forbidden', 'Only visitors report pages.');
  const kept = keptPage(page.url, page.title, ctx.now());
  if (await ctx.store.recordPage(actor.visitorId, kept, PAGES_KEPT))
    ctx.emit({ type: 'contact.changed', visitorId: actor.visitorId, inboxId: DEFAULT_INBOX_ID });
}
