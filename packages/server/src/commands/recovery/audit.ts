/**
 * The audit trail's one door: every recovery send, try, action, approval and refusal is written here,
 * with who, when, which conversation and which account. Callers never put a code or a full contact in
 * `detail` (masks only).
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/types';
import type { AuditRecord } from '../../storage/audit-store';
import type { ChatContext } from '../context';

export async function recordAudit(ctx: ChatContext, entry: Omit<AuditRecord, 'id' | 'at'>): Promise<void> {
  const at = ctx.now();
  await ctx.store.appendAudit({ ...entry, id: auditId(at), at });
}

/** An entry by a signed-in agent, named as they are now. */
export async function recordAgentAudit(
  ctx: ChatContext,
  actor: Extract<Actor, { kind: 'agent' }>,
  entry: Omit<AuditRecord, 'id' | 'at' | 'actorType' | 'actorId' | 'actorName'>,
): Promise<void> {
  await recordAudit(ctx, {
    ...entry,
    actorType: 'agent',
    actorId: actor.agentId,
    actorName: await ctx.names.agent(actor.agentId),
  });
}

let lastMs = -1;
let counter = 0;

/**
 * A UUIDv7 (RFC 9562) with a counter in this process: the trail is read by time, then id, and two entries
 * of one command often share a millisecond ("requested", then "refused"); with random ids they came back
 * in either order. Across nodes, entries of one millisecond have no order to keep.
 */
export function auditId(at: number): string {
  const ms = Math.max(0, Math.floor(at));
  counter = ms === lastMs ? Math.min(counter + 1, 0xfff) : 0;
  lastMs = ms;
  const random = randomBytes(9);
  const hex =
    ms.toString(16).padStart(12, '0').slice(-12) +
    '7' +
    counter.toString(16).padStart(3, '0') +
    (0x8 | ((random[0] ?? 0) & 0x3)).toString(16) +
    random.subarray(1).toString('hex').slice(0, 15);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
