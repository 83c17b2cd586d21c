/**
 * A visitor's hello carried an identity token: checked (signature, claims), claimed once in the store
 * (a second use of the same token, on any node, is a replay), then the site's user is found or created
 * as a signed visitor, with a new visitor token for this browser. Reconnects resume with that visitor
 * token; the identity token is never needed, nor accepted, twice.
 */
import { randomUUID } from 'node:crypto';
import { verifyIdentityToken } from '../../auth/identity-token';
import { hashToken, newToken } from '../../auth/tokens';
import { DomainError } from '../../domain/errors';
import type { VisitorRecord } from '../../domain/types';
import { visitorNameFor } from '../../domain/visitor-name';
import type { ChatContext } from '../context';

export async function signInVisitor(
  ctx: ChatContext,
  token: string,
  options: { inboxId: string; locale: string | null },
): Promise<{ visitor: VisitorRecord; newToken: string }> {
  const now = ctx.now();
  const claims = await verifyIdentityToken(token, ctx.settings.identitySecret(options.inboxId), now);
  const first = await ctx.store.claimIdentityToken({
    tokenHash: hashToken(token),
    expiresAt: claims.expiresAt,
    now,
  });
  if (!first)
    throw new DomainError(
      'identity_replayed',
      'This identity token was used already: the site must give a new one.',
    );
  const fresh = newToken();
  const id = randomUUID();
  const visitor = await ctx.store.signInVisitor({
    inboxId: options.inboxId,
    externalId: claims.sub,
    email: claims.email,
    name: claims.name,
    fresh: { id, name: visitorNameFor(id), locale: options.locale, createdAt: now },
    tokenHash: hashToken(fresh),
    now,
  });
  // The token may bring a new name or email: nodes forget the cached name, agents read the contact again.
  ctx.names.forgetVisitor(visitor.id);
  ctx.emit({ type: 'contact.changed', visitorId: visitor.id, inboxId: options.inboxId });
  return { visitor, newToken: fresh };
}
