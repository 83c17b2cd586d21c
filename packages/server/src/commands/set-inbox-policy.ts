import type { Inbox, PreviewPolicy } from '@candor/protocol';
import { DomainError } from '../domain/errors';
import { voidsSwitches } from '../domain/preview-policy';
import type { ChatContext } from './context';

/**
 * An admin sets an inbox's typing preview policy. Tightening it turns off the switches left on (with
 * a consent record each); `inbox.updated` then tells every node, whose visitor sockets tell their
 * widgets and stop drafts at once.
 */
export async function setInboxPolicy(
  ctx: ChatContext,
  inboxId: string,
  policy: PreviewPolicy,
): Promise<Inbox> {
  const previousPolicy = ctx.settings.policy(inboxId);
  const inbox = await ctx.store.updateInboxPolicy(inboxId, policy);
  if (!inbox) throw new DomainError('not_found', 'No such inbox.');
  if (voidsSwitches(previousPolicy, policy))
    await ctx.store.resetPreviews(inbox.id, { policy, createdAt: ctx.now() });
  ctx.emit({ type: 'inbox.updated', inbox, previousPolicy });
  return inbox;
}
