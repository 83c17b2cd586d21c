/** Canned responses: shared (admins manage them) and personal (each agent's own). Rules: domain/canned-access.ts. */
import { randomUUID } from 'node:crypto';
import { TOOL_LIMITS, type CannedResponse } from '@candor/protocol';
import type { CannedResponseRecord } from '../domain/agent-tools-types';
import { assertCanManageCanned, assertCanReadCanned, ownerOfNewCanned } from '../domain/canned-access';
import { DomainError } from '../domain/errors';
import type { Actor } from '../domain/types';
import { StoreConflictError } from '../storage/store';
import type { ChatContext } from './context';

export interface CannedInput {
  shortcut: string;
  locale: 'en' | 'fr' | null;
  body: string;
}

export function presentCanned(r: CannedResponseRecord): CannedResponse {
  return { ...r, scope: r.ownerId === null ? 'shared' : 'personal' };
}

/** Shared ones and the caller's own. */
export async function listCanned(ctx: ChatContext, actor: Actor): Promise<CannedResponse[]> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Agents only.');
  return (await ctx.store.listCannedResponses(actor.agentId)).map(presentCanned);
}

export async function createCanned(
  ctx: ChatContext,
  actor: Actor,
  input: CannedInput & { scope: 'shared' | 'personal' },
): Promise<CannedResponse> {
  const ownerId = ownerOfNewCanned(actor, input.scope);
  const max = ownerId === null ? TOOL_LIMITS.sharedCannedMax : TOOL_LIMITS.personalCannedMax;
  if ((await ctx.store.countCannedResponses(ownerId)) >= max) {
    throw new DomainError('too_large', `At most ${max} ${input.scope} canned responses.`);
  }
  const now = ctx.now();
  const record: CannedResponseRecord = {
    id: randomUUID(),
    ownerId,
    shortcut: input.shortcut,
    locale: input.locale,
    body: input.body,
    createdAt: now,
    updatedAt: now,
  };
  await taken(() => ctx.store.createCannedResponse(record));
  return presentCanned(record);
}

export async function updateCanned(
  ctx: ChatContext,
  actor: Actor,
  id: string,
  patch: Partial<CannedInput>,
): Promise<CannedResponse> {
  await loadManageable(ctx, actor, id);
  const updated = await taken(() => ctx.store.updateCannedResponse(id, { ...patch, now: ctx.now() }));
  if (!updated) throw new DomainError('not_found', 'No such canned response.');
  return presentCanned(updated);
}

export async function deleteCanned(ctx: ChatContext, actor: Actor, id: string): Promise<void> {
  await loadManageable(ctx, actor, id);
  if (!(await ctx.store.deleteCannedResponse(id))) {
    throw new DomainError('not_found', 'No such canned response.');
  }
}

async function loadManageable(ctx: ChatContext, actor: Actor, id: string): Promise<CannedResponseRecord> {
  const canned = await ctx.store.getCannedResponse(id);
  if (!canned) throw new DomainError('not_found', 'No such canned response.');
  assertCanReadCanned(actor, canned);
  assertCanManageCanned(actor, canned);
  return canned;
}

/** A shortcut already used by the same owner in the same language is a clear conflict. */
async function taken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof StoreConflictError) {
      throw new DomainError('conflict', 'That shortcut already exists in this language.');
    }
    throw err;
  }
}
