/**
 * Who may see and change canned responses. Shared ones: every agent reads them, admins manage them.
 * Personal ones: their owner only, or an admin. Another agent's personal response is not_found, never
 * forbidden, so ids cannot be probed.
 */
import type { Actor } from './types';
import { DomainError } from './errors';

export interface CannedOwnership {
  /** null: shared. */
  ownerId: string | null;
}

function isAdmin(actor: Actor): boolean {
  return actor.kind === 'agent' && actor.role === 'admin';
}

export function assertCanReadCanned(actor: Actor, canned: CannedOwnership): void {
  if (actor.kind !== 'agent') throw new DomainError('not_found', 'No such canned response.');
  if (canned.ownerId !== null && canned.ownerId !== actor.agentId && !isAdmin(actor)) {
    throw new DomainError('not_found', 'No such canned response.');
  }
}

export function assertCanManageCanned(actor: Actor, canned: CannedOwnership): void {
  assertCanReadCanned(actor, canned);
  if (canned.ownerId === null && !isAdmin(actor)) {
    throw new DomainError('forbidden', 'Only an admin changes a shared canned response.');
  }
}

/** The owner of a new response: null for shared (admins only), else the caller. */
export function ownerOfNewCanned(actor: Actor, scope: 'shared' | 'personal'): string | null {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Agents only.');
  if (scope === 'personal') return actor.agentId;
  if (!isAdmin(actor)) throw new DomainError('forbidden', 'Only an admin adds a shared canned response.');
  return null;
}
