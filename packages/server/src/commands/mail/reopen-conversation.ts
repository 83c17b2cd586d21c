/**
 * A visitor followed the link of a reply email: the widget sends the token from the URL fragment in
 * its hello. The token is claimed once, in the store (any node), and gives this browser a new visitor
 * token of that conversation's visitor: nothing more (not an agent's rights, not another visitor).
 * An unknown, used or expired link changes nothing and says `link_expired`; the caller then goes on
 * as if there had been no link.
 */
import { hashToken, newToken } from '../../auth/tokens';
import { DomainError } from '../../domain/errors';
import type { VisitorRecord } from '../../domain/types';
import type { ChatContext } from '../context';

export async function reopenByLink(
  ctx: ChatContext,
  token: string,
): Promise<{ visitor: VisitorRecord; newToken: string; conversationId: string }> {
  const fresh = newToken();
  const grant = await ctx.store.claimReopenToken({
    tokenHash: hashToken(token),
    visitorTokenHash: hashToken(fresh),
    now: ctx.now(),
  });
  const visitor = grant && (await ctx.store.findVisitorById(grant.visitorId));
  if (!grant || !visitor)
    throw new DomainError('link_expired', 'This link was used already or has expired: ask for a new reply.');
  await ctx.store.markVisitorSeen(visitor.id, ctx.now());
  return { visitor, newToken: fresh, conversationId: grant.conversationId };
}
