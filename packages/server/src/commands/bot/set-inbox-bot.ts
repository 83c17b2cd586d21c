/**
 * An admin switches an inbox's bot on or off. On, it answers new conversations first; off, the
 * conversations it was answering go to the routing queue. Every node learns of it by `inbox.updated`.
 */
import { DomainError } from '../../domain/errors';
import type { ChatContext } from '../context';
import { presentInbox } from '../contacts/inbox-contact-settings';

export async function setInboxBot(ctx: ChatContext, inboxId: string, enabled: boolean): Promise<void> {
  const inbox = (await ctx.store.listInboxes()).find((i) => i.id === inboxId);
  if (!inbox) throw new DomainError('not_found', 'No such inbox.');
  const released = await ctx.store.setInboxBot(inboxId, enabled, ctx.now());
  const presented = presentInbox(ctx, inbox, ctx.settings.contact(inboxId));
  ctx.emit({ type: 'inbox.updated', inbox: { ...presented, bot: { enabled } } });
  if (released > 0) ctx.routing?.soon(inboxId); // the conversations the bot held wait for a person now
}
