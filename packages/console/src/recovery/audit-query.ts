/**
 * The audit view's reads: `GET /api/v1/audit`, optionally for one conversation, paged by the server's
 * cursor; and how an entry's detail is shown (plain `key: value` pairs, never markup).
 */
import type { AuditEntry } from '@candor/protocol';

export const AUDIT_PAGE = 50;

export interface AuditFilter {
  conversationId?: string;
  cursor?: string | null;
}

export function auditPath({ conversationId, cursor }: AuditFilter): string {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE) });
  const id = conversationId?.trim();
  if (id) params.set('conversationId', id);
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/audit?${params.toString()}`;
}

/** `purpose: unlock · outcome: wrong`: every field of the detail, nulls left out, in a stable order. */
export function detailText(detail: AuditEntry['detail']): string {
  return Object.keys(detail)
    .sort()
    .filter((key) => detail[key] !== null && detail[key] !== undefined)
    .map((key) => `${key}: ${String(detail[key])}`)
    .join(' · ');
}

/** `recovery.code.sent` read as `recovery code sent`: the server's names are stable, not translated. */
export function actionText(action: string): string {
  return action.replace(/[._]/g, ' ');
}

/** A further page joins the entries held, each entry once (a new entry may shift the pages). */
export function appendPage(held: readonly AuditEntry[], page: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set(held.map((e) => e.id));
  return [...held, ...page.filter((e) => !seen.has(e.id))];
}
