import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/types';

/** The host API's settings (tokens, webhooks) are admins' alone: the admin's id, or forbidden. */
export function adminOf(actor: Actor): string {
  if (actor.kind !== 'agent' || actor.role !== 'admin') throw new DomainError('forbidden', 'Admins only.');
  return actor.agentId;
}
