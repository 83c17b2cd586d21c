/**
 * Verification levels and what each may do. `anonymous`: nothing given. `self_declared`: the visitor
 * typed a name or email (proves nothing: never a key to anyone's history). `signed`: the host site
 * vouched with a token signed by the inbox's secret; only then is a visitor found by who they are.
 */
import type { Verification } from '@candor/protocol';
import { DomainError } from '../errors';

export interface IdentityPolicy {
  /** The inbox admits signed visitors only: no anonymous chat, no typed name or email. */
  enforce: boolean;
}

/** A visitor may chat in this inbox at this level; identity_required otherwise. */
export function assertMayChat(level: Verification, policy: IdentityPolicy): void {
  if (policy.enforce && level !== 'signed')
    throw new DomainError(
      'identity_required',
      'This chat is for signed-in users of the site: sign in first.',
    );
}

/**
 * A visitor typing their name or email: refused in an enforce inbox (the claim is not signed), and
 * for a signed visitor (the site vouched for those; a typed value must not replace them).
 */
export function assertMayDeclare(level: Verification, policy: IdentityPolicy): void {
  assertMayChat(level, policy);
  if (level === 'signed')
    throw new DomainError('forbidden', 'Your name and email come from your account on this site.');
}
