/**
 * recovery.code: a code the visitor typed in the widget's secure field. Never stored as a message, never
 * logged, never in any frame to an agent (agents learn only that the case changed, and read the proof:
 * "verified by a code sent to e•••@example.com").
 *
 * One try: the typed digits are hashed once and compared in constant time with every code of the
 * conversation (the same work when there is none, or no account matched: the answer is then `wrong`).
 * A try at live codes first takes a slot of the account's failure limit (taken before the digits are
 * looked at, so parallel guesses on any node cannot slip past it; a success gives it back). Then each
 * live code's state moves under a version (the store's conditional update): two tries at once never
 * both count as the last one, and one right code verifies once.
 */
import { randomUUID } from 'node:crypto';
import type { CodeResult, RecoveryCodeFrame } from '@candor/protocol';
import { DomainError } from '../../domain/errors';
import { CODE_LIMITS, tryCode, typedCode, type CodeOutcome } from '../../domain/recovery/recovery-code';
import { isLive, outcomeWithoutLiveCode, wireOutcome } from '../../domain/recovery/recovery-views';
import type { Actor } from '../../domain/types';
import { amendSlot } from '../../limits/shared-limit';
import type { RecoveryCaseRecord, RecoveryCodeRecord } from '../../storage/recovery-store';
import type { ChatContext } from '../context';
import { recordAudit } from './audit';
import { hashCode, sameHash } from './code-hash';
import { announce, visitorStateOf } from './recovery-case';

/** A try that lost a race is decided again on the code as the winner left it, this many times at most. */
const RACE_RETRIES = 8;

export async function tryRecoveryCode(
  ctx: ChatContext,
  actor: Actor,
  frame: RecoveryCodeFrame,
): Promise<CodeResult> {
  if (actor.kind !== 'visitor') throw new DomainError('forbidden', 'Only the visitor types a code.');
  const recovery = await ctx.store.recoveryCase(frame.conversationId);
  if (!recovery || recovery.visitorId !== actor.visitorId)
    throw new DomainError('not_found', 'No such conversation.');
  const now = ctx.now();
  // Past the conversation's hourly tries, nothing is evaluated or audited (the audit already holds them).
  if (!(await takeSlot(ctx, CODE_LIMITS.tries, recovery.conversationId, now)))
    return { outcome: 'too_many_tries' };
  const digits = typedCode(frame.code);
  // Hashed even when it cannot match (malformed, no code, no account): the same work every time.
  const [hash, codes] = await Promise.all([
    hashCode(ctx, digits ?? frame.code),
    ctx.store.listRecoveryCodes(frame.conversationId),
  ]);
  let matched: RecoveryCodeRecord | undefined;
  for (const code of codes) if (sameHash(hash, code.codeHash) && digits !== undefined) matched ??= code;
  const live = codes.filter((c) => isLive(c, now));
  if (recovery.accountId === null || digits === undefined || live.length === 0) {
    const outcome = digits === undefined ? 'wrong' : outcomeWithoutLiveCode(codes, now);
    await audit(ctx, recovery, { outcome, evaluated: false });
    return { outcome };
  }
  if (matched && !isLive(matched, now)) {
    // The right digits of a code that no longer works: said so, and no other code is counted for it.
    const outcome = outcomeWithoutLiveCode([matched], now);
    await audit(ctx, recovery, { outcome, evaluated: false });
    return { outcome };
  }
  if (!(await takeSlot(ctx, CODE_LIMITS.failures, recovery.accountId, now))) {
    await audit(ctx, recovery, { outcome: 'too_many_tries', evaluated: false });
    return { outcome: 'too_many_tries' };
  }
  const target = matched ? [matched] : live;
  const outcomes = await Promise.all(target.map((code) => tryOne(ctx, code, matched === code, now)));
  const verified = outcomes.find((o) => o.outcome === 'verified');
  const outcome = wireOutcome(verified?.outcome ?? outcomes[0]?.outcome ?? 'wrong');
  // The right digits are not a failure, even when another tab used them a moment before (two tabs).
  if (verified || matched) await giveBackSlot(ctx, recovery.accountId);
  announce(ctx, recovery, verified ? await visitorStateOf(ctx, recovery.conversationId) : undefined);
  await audit(ctx, recovery, {
    outcome,
    evaluated: true,
    ...(verified?.code ? { purpose: verified.code.purpose, masked: verified.code.masked } : {}),
  });
  return { outcome };
}

async function tryOne(
  ctx: ChatContext,
  first: RecoveryCodeRecord,
  matches: boolean,
  now: number,
): Promise<{ outcome: CodeOutcome; code?: RecoveryCodeRecord }> {
  let code: RecoveryCodeRecord | undefined = first;
  for (let attempt = 0; code && attempt <= RACE_RETRIES; attempt++) {
    const { outcome, next } = tryCode(code, {
      conversationId: code.conversationId,
      accountId: code.accountId,
      purpose: code.purpose,
      matches,
      now,
    });
    if (next === code) return { outcome }; // nothing to record: expired, used or spent meanwhile
    const written = await ctx.store.recordCodeTry({
      codeId: code.id,
      version: code.version,
      tries: next.tries,
      usedAt: next.usedAt,
      ...(outcome === 'verified'
        ? {
            verification: {
              id: randomUUID(),
              conversationId: code.conversationId,
              accountId: code.accountId,
              purpose: code.purpose,
              contactId: code.contactId,
              channel: code.channel,
              standing: code.standing,
              masked: code.masked,
              at: now,
            },
          }
        : {}),
    });
    if (written) return { outcome, code };
    const id: string = code.id;
    code = (await ctx.store.listRecoveryCodes(code.conversationId)).find((c) => c.id === id);
  }
  return { outcome: 'exhausted' };
}

/**
 * One slot of a store-held limit (the account's daily failures, the conversation's hourly tries), taken
 * before the try is evaluated. A read first: once the limit is reached, a flood of guesses is refused
 * without a write each.
 */
async function takeSlot(
  ctx: ChatContext,
  { key, rule }: (typeof CODE_LIMITS)[keyof typeof CODE_LIMITS],
  id: string,
  now: number,
): Promise<boolean> {
  const stored = await ctx.store.readLimit(key(id));
  if (stored && !rule(stored, now).ok) return false;
  return ctx.store.decideLimit<boolean>(key(id), (state) => {
    const decision = rule(state, now);
    return decision.ok ? { next: decision.next, result: true } : { result: false };
  });
}

/** A right code was not a failure: its slot is given back. */
function giveBackSlot(ctx: ChatContext, accountId: string): Promise<void> {
  return amendSlot(ctx.store, CODE_LIMITS.failures.key(accountId), (s) => ({
    ...s,
    hits: Math.max(0, s.hits - 1),
  }));
}

function audit(
  ctx: ChatContext,
  recovery: RecoveryCaseRecord,
  detail: Record<string, string | boolean>,
): Promise<void> {
  return recordAudit(ctx, {
    actorType: 'visitor',
    actorId: recovery.visitorId,
    actorName: null,
    action: 'recovery.code.tried',
    conversationId: recovery.conversationId,
    accountExternalId: recovery.accountId,
    detail,
  });
}
