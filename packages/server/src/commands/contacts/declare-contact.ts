/**
 * A visitor shares their name and/or email (pre-chat form, or an agent asked). Stored as
 * self-declared on this visitor only: a typed email is never used to find, merge with or reach anyone
 * else (a signed user's history is reached only with a token signed by the site).
 */
import type { Contact } from '@candor/protocol';
import { assertMayDeclare } from '../../domain/contacts/verification';
import { DomainError } from '../../domain/errors';
import { DEFAULT_INBOX_ID, type Actor } from '../../domain/types';
import type { ChatContext } from '../context';
import { presentConversation } from '../presenters';

/** Open conversations told of the new name, so agents' lists show it. */
const RENAMED_MAX = 5;

export async function declareContact(
  ctx: ChatContext,
  actor: Actor,
  given: { name?: string | undefined; email?: string | undefined },
): Promise<Pick<Contact, 'name' | 'email' | 'verification'>> {
  if (actor.kind !== 'visitor') throw new DomainError('forbidden', 'Only visitors share their contact.');
  const name = given.name?.trim() || undefined;
  const email = given.email?.toLowerCase();
  if (name === undefined && email === undefined)
    throw new DomainError('bad_frame', 'Give a name or an email.');
  const current = await ctx.store.findContact(actor.visitorId);
  if (!current) throw new DomainError('not_found', 'No such visitor.');
  assertMayDeclare(current.verification, { enforce: ctx.settings.contact(DEFAULT_INBOX_ID).identityEnforce });
  const stored = await ctx.store.declareContact(actor.visitorId, {
    ...(name === undefined ? {} : { name }),
    ...(email === undefined ? {} : { email }),
  });
  // Signed meanwhile (another tab): what the site vouched for stays.
  if (!stored) throw new DomainError('forbidden', 'Your name and email come from your account on this site.');
  ctx.names.forgetVisitor(actor.visitorId);
  ctx.emit({ type: 'contact.changed', visitorId: actor.visitorId, inboxId: DEFAULT_INBOX_ID });
  if (name !== undefined) await announceName(ctx, actor.visitorId);
  return { name: stored.name, email: stored.email, verification: stored.verification };
}

async function announceName(ctx: ChatContext, visitorId: string): Promise<void> {
  const conversations = await ctx.store.listVisitorConversations(visitorId, RENAMED_MAX);
  for (const c of conversations.filter((c) => c.status === 'open'))
    ctx.emit({ type: 'conversation.updated', conversation: await presentConversation(ctx, c) });
}
