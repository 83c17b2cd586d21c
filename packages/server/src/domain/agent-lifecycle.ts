/**
 * Who may change an agent's account, and what each change does to the sessions already open. Admins
 * manage everyone but cannot lock themselves out, nor leave the team without an active admin; an agent
 * manages their own name, password and sessions.
 */
import type { Actor, AgentRecord, AgentRole } from './types';
import { DomainError } from './errors';

type AgentActor = Extract<Actor, { kind: 'agent' }>;

export interface AgentChange {
  name?: string;
  role?: AgentRole;
  active?: boolean;
}

/** What the change means for the agent's open sessions and sockets. */
export interface AgentChangeEffects {
  /** Deactivated: every session ends, every socket closes. */
  endSessions: boolean;
  /** New role: sessions stay, sockets reconnect so they act with the new role. */
  roleChanged: boolean;
}

/** Leaves the target without admin rights (demoted or deactivated) where they had them. */
function removesAdmin(target: AgentRecord, change: AgentChange): boolean {
  if (target.role !== 'admin' || !target.active) return false;
  return change.active === false || demotes(change);
}

const demotes = (change: AgentChange) => change.role !== undefined && change.role !== 'admin';

export function decideAgentChange(input: {
  actor: Actor;
  target: AgentRecord;
  change: AgentChange;
  /** Active admins now, the target included if they are one. */
  activeAdmins: number;
}): AgentChangeEffects {
  const { actor, target, change } = input;
  const admin = assertAdminActor(actor);
  if (target.id === admin.agentId && (change.active === false || demotes(change))) {
    throw new DomainError('forbidden', 'You cannot deactivate or demote yourself; ask another admin.');
  }
  if (removesAdmin(target, change) && input.activeAdmins <= 1) {
    throw new DomainError('conflict', 'This is the last active admin; make another admin first.');
  }
  const deactivating = change.active === false && target.active;
  return {
    endSessions: deactivating,
    roleChanged: !deactivating && change.role !== undefined && change.role !== target.role,
  };
}

/** Admins reset anyone's password; every session of that agent ends, theirs included if it is theirs. */
export function assertCanResetPassword(actor: Actor): void {
  assertAdminActor(actor);
}

/** Emails are for admins, and for the agent themselves; other agents see names. */
export function maySeeEmail(viewer: Actor, agentId: string): boolean {
  return viewer.kind === 'agent' && (viewer.role === 'admin' || viewer.agentId === agentId);
}

/** Admins see every inbox; an agent sees the inboxes they belong to. */
export function visibleInboxes<T extends { id: string }>(viewer: Actor, inboxes: readonly T[]): T[] {
  if (viewer.kind !== 'agent') return [];
  if (viewer.role === 'admin') return [...inboxes];
  return inboxes.filter((inbox) => viewer.inboxIds.includes(inbox.id));
}

function assertAdminActor(actor: Actor): AgentActor {
  if (actor.kind !== 'agent' || actor.role !== 'admin') throw new DomainError('forbidden', 'Admins only.');
  return actor;
}
