/**
 * GET /api/v1/audit: the audit trail, newest first, for admins and supervisors (the people who approve
 * recovery actions and answer for them). Paged by an opaque cursor (the last entry's time and id).
 */
import type { AuditEntry } from '@candor/protocol';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/types';
import type { AuditRecord } from '../../storage/audit-store';
import type { ChatContext } from '../context';

export const AUDIT_PAGE_MAX = 200;

export async function listAuditEntries(
  ctx: ChatContext,
  actor: Actor,
  q: { conversationId?: string; cursor?: string; limit: number },
): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  if (actor.kind !== 'agent' || (actor.role !== 'admin' && actor.role !== 'supervisor'))
    throw new DomainError('forbidden', 'Only admins and supervisors read the audit trail.');
  const before = q.cursor === undefined ? undefined : parseCursor(q.cursor);
  const rows = await ctx.store.listAudit({
    ...(q.conversationId === undefined ? {} : { conversationId: q.conversationId }),
    ...(before ? { before } : {}),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    entries: page.map(present),
    nextCursor: rows.length > q.limit && last ? cursorOf(last) : null,
  };
}

function present(r: AuditRecord): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: { type: r.actorType, id: r.actorId, name: r.actorName },
    action: r.action,
    conversationId: r.conversationId,
    accountId: r.accountExternalId,
    detail: r.detail,
  };
}

const cursorOf = (r: AuditRecord) => Buffer.from(JSON.stringify([r.at, r.id])).toString('base64url');

function parseCursor(cursor: string): { at: number; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof at === 'number' && Number.isSafeInteger(at) && typeof id === 'string') return { at, id };
  } catch {
    // falls through to the refusal below
  }
  throw new DomainError('bad_frame', 'Invalid cursor: pass `nextCursor` as it was given.');
}
