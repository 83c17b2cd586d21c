/**
 * Support references (issue 14): an agent gives a customer a short reference; the help centre's /verify
 * page tells anyone whether it is genuine and current, so a caller or emailer claiming to be support
 * can be checked. The store keeps the SHA-256 of the reference, never the reference itself.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SupportReference, VerifyReferenceResponse } from '@candor/protocol';
import { addressGroup } from '../../domain/address-group';
import { DomainError } from '../../domain/errors';
import { fixedWindow } from '../../domain/rate-limits';
import {
  formatReference,
  isCurrent,
  normaliseReference,
  REFERENCE_TTL_MS,
} from '../../domain/recovery/support-reference';
import type { Actor } from '../../domain/types';
import { takeSlot } from '../../limits/shared-limit';
import { StoreConflictError } from '../../storage/store';
import type { ChatContext } from '../context';
import { loadReadable } from '../load-conversation';
import { recordAgentAudit } from './audit';

/** References one agent may give per hour: plenty for a shift, and a stolen session cannot mint many. */
const ISSUE_RULE = fixedWindow({ limit: 60, windowMs: 3_600_000 });
/**
 * Checks per client address (IPv6 by /64) per minute, across nodes. 40 random bits per reference: at
 * this rate, finding a live reference by guessing takes far longer than one lives.
 */
export const VERIFY_PER_MINUTE = 10;
const VERIFY_RULE = fixedWindow({ limit: VERIFY_PER_MINUTE, windowMs: 60_000 });

export function referenceHash(normalised: string): string {
  return createHash('sha256').update(normalised).digest('hex');
}

export async function issueSupportReference(
  ctx: ChatContext,
  actor: Actor,
  input: { conversationId?: string | undefined },
): Promise<SupportReference> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Only agents give support references.');
  // Tied to a conversation only if the agent may read it; otherwise not_found, whether it exists or not.
  if (input.conversationId !== undefined) await loadReadable(ctx, actor, input.conversationId);
  const now = ctx.now();
  const slot = await takeSlot(ctx.store, `support-reference:${actor.agentId}`, { rule: ISSUE_RULE, now });
  if (!slot.ok)
    throw new DomainError('rate_limited', 'Too many support references this hour.', slot.retryAfterMs);
  for (let attempt = 1; ; attempt++) {
    const reference = formatReference(randomBytes(5));
    try {
      await ctx.store.createSupportReference({
        referenceHash: referenceHash(reference),
        agentId: actor.agentId,
        conversationId: input.conversationId ?? null,
        issuedAt: now,
        expiresAt: now + REFERENCE_TTL_MS,
        revokedAt: null,
      });
      // The reference itself is a credential of sorts: the audit says one was given, not which.
      await recordAgentAudit(ctx, actor, {
        action: 'support_reference.issued',
        conversationId: input.conversationId ?? null,
        accountExternalId: null,
        detail: { expiresAt: now + REFERENCE_TTL_MS },
      });
      return { reference, issuedAt: now, expiresAt: now + REFERENCE_TTL_MS };
    } catch (err) {
      // 40 random bits: a collision with a live reference is rare, and another draw settles it.
      if (!(err instanceof StoreConflictError) || attempt >= 3) throw err;
    }
  }
}

/**
 * Withdraws a reference before it expires (given by mistake, or to the wrong person). The agent who gave
 * it may, and supervisors and admins; anyone else is told it does not exist, as for an unknown one.
 */
export async function revokeSupportReference(ctx: ChatContext, actor: Actor, typed: string): Promise<void> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Only agents revoke support references.');
  const normalised = normaliseReference(typed);
  const stored =
    normalised === undefined ? undefined : await ctx.store.findSupportReference(referenceHash(normalised));
  const now = ctx.now();
  if (
    normalised === undefined ||
    stored === undefined ||
    now >= stored.expiresAt ||
    (stored.agentId !== actor.agentId && actor.role === 'agent')
  )
    throw new DomainError('not_found', 'No such support reference.');
  if (await ctx.store.revokeSupportReference(stored.referenceHash, now))
    await recordAgentAudit(ctx, actor, {
      action: 'support_reference.revoked',
      conversationId: stored.conversationId,
      accountExternalId: null,
      detail: { givenBy: stored.agentId },
    });
}

/**
 * Whether `typed` is a current reference, and whose. Refused beyond the address's budget (rate_limited).
 * Unknown, malformed, expired, revoked, or given by an agent since deactivated: the same answer.
 */
export async function verifySupportReference(
  ctx: ChatContext,
  typed: string,
  clientAddress: string,
): Promise<VerifyReferenceResponse> {
  const now = ctx.now();
  const slot = await takeSlot(ctx.store, `verify-reference:${addressGroup(clientAddress)}`, {
    rule: VERIFY_RULE,
    now,
  });
  if (!slot.ok)
    throw new DomainError(
      'rate_limited',
      'Too many checks from this address; wait a minute.',
      slot.retryAfterMs,
    );
  const normalised = normaliseReference(typed);
  // A malformed one is looked up too (under a hash nothing has): every answer costs the same reads.
  const stored = await ctx.store.findSupportReference(referenceHash(normalised ?? `malformed:${typed}`));
  const agent = stored && (await ctx.store.findAgentById(stored.agentId));
  if (
    normalised === undefined ||
    stored === undefined ||
    !agent?.active ||
    !isCurrent(stored, now) ||
    now >= stored.expiresAt
  )
    return { genuine: false };
  return { genuine: true, agentName: agent.name, expiresAt: stored.expiresAt };
}
