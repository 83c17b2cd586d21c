/**
 * An inbox's pre-chat form and signed-identity settings, as admins set and see them. The secret is
 * written, never read back: admins are told whether one is set, and from where.
 */
import type { Inbox, UpdateInboxBody } from '@candor/protocol';
import { DomainError } from '../../domain/errors';
import type { InboxContactSettings, InboxRecord } from '../../domain/types';
import type { InboxContactPatch } from '../../storage/contact-store';
import type { ChatContext } from '../context';

export function presentInbox(ctx: ChatContext, inbox: InboxRecord, contact: InboxContactSettings): Inbox {
  const own = contact.identitySecret !== null;
  const secret = ctx.settings.identitySecret(inbox.id);
  return {
    ...inbox,
    preChatForm: { enabled: contact.preChatEnabled, requireEmail: contact.preChatRequireEmail },
    identity: {
      secretSet: secret !== null,
      fromEnvironment: !own && secret !== null,
      enforce: contact.identityEnforce,
    },
    bot: { enabled: ctx.settings.botEnabled(inbox.id) },
  };
}

/** Every inbox, with its contact settings, as read now from the store. */
export async function inboxesWithContact(ctx: ChatContext): Promise<Inbox[]> {
  const [inboxes, contact] = await Promise.all([
    ctx.store.listInboxes(),
    ctx.store.listInboxContactSettings(),
  ]);
  const byId = new Map(contact.map((c) => [c.inboxId, c]));
  return inboxes.map((i) => presentInbox(ctx, i, byId.get(i.id) ?? ctx.settings.contact(i.id)));
}

/** Applies the pre-chat and identity parts of an inbox update; the others learn of it by `inbox.updated`. */
export async function setInboxContactSettings(
  ctx: ChatContext,
  inboxId: string,
  body: Pick<UpdateInboxBody, 'preChatForm' | 'identity'>,
): Promise<void> {
  const patch: InboxContactPatch = {};
  if (body.preChatForm) {
    patch.preChatEnabled = body.preChatForm.enabled;
    patch.preChatRequireEmail = body.preChatForm.requireEmail;
  }
  if (body.identity?.enforce !== undefined) patch.identityEnforce = body.identity.enforce;
  if (body.identity?.secret !== undefined) patch.identitySecret = body.identity.secret;
  const contact = await ctx.store.updateInboxContactSettings(inboxId, patch);
  const inbox = (await ctx.store.listInboxes()).find((i) => i.id === inboxId);
  if (!contact || !inbox) throw new DomainError('not_found', 'No such inbox.');
  // This node at once (the next hello sees it), the others by the event.
  await ctx.settings.reloadContact(ctx.store);
  ctx.emit({ type: 'inbox.updated', inbox: presentInbox(ctx, inbox, contact), contactChanged: true });
}
