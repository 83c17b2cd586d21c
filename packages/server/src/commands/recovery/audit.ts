/**
 * The audit trail's one door: every recovery send, try, action, approval and refusal is written here,
 * with who, when, which conversation and which account. Callers never put a code or a full contact in
 * `detail` (masks only).
 */
import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../../storage/audit-store';
import type { ChatContext } from '../context';

export async function recordAudit(ctx: ChatContext, entry: Omit<AuditRecord, 'id' | 'at'>): Promise<void> {
  await ctx.store.appendAudit({ ...entry, id: randomUUID(), at: ctx.now() });
}
