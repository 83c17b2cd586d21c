/**
 * `POST /api/v1/conversations/{id}/recovery/actions`: an agent asks for an action on the account. The
 * server decides from the store's verification records and the settings (domain/recovery/action-gate.ts),
 * never from anything said in the chat: refused (the agent gets `not_verified`; the refusal is still
 * recorded, audited and sent to the host), awaiting a second person, cooling off, or approved.
 */
import { randomUUID } from 'node:crypto';
import type { RecoveryActionView, RequestRecoveryActionBody } from '@candor/protocol';
import { putAccountBody } from '@candor/protocol/schemas';
import { assertCanChangeStatus } from '../../domain/access';
import { decideAction, type Verified } from '../../domain/recovery/action-gate';
import { requirementOf } from '../../domain/recovery/recovery-settings';
import { verificationLevel } from '../../domain/recovery/verification-level';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/types';
import type { RecoveryActionRecord } from '../../storage/recovery-action-store';
import type { VerificationRecord } from '../../storage/recovery-store';
import type { ChatContext } from '../context';
import { loadReadable } from '../load-conversation';
import { announceAction, SYSTEM } from './action-outcome';
import { presentAction } from './action-view';
import { recordAudit } from './audit';
import { newStopToken, sendStopNotice } from './cooling-off';
import { loadRecoverySettings } from './recovery-settings';
import { checkTakeoverSignals } from './takeover-check';

export async function requestRecoveryAction(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
  body: RequestRecoveryActionBody,
): Promise<RecoveryActionView> {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Agents only.');
  const conversation = await loadReadable(ctx, actor, conversationId);
  assertCanChangeStatus(actor, conversation);
  const c = await ctx.store.recoveryCase(conversationId);
  if (!c) throw new DomainError('not_found', 'This is not a recovery conversation.');
  const newContact = checkedNewContact(body);
  const now = ctx.now();
  if (c.accountId === null) {
    // No account on file matched: nothing can be proven, and there is nothing for the host to act on.
    await recordAudit(ctx, {
      actorType: 'agent',
      actorId: actor.agentId,
      actorName: await ctx.names.agent(actor.agentId),
      action: 'recovery.action.refused',
      conversationId,
      accountExternalId: null,
      detail: { action: body.action, reason: 'not_verified' },
    });
    throw new DomainError('not_verified', 'The visitor has not proven the account with a code.');
  }
  const open = (await ctx.store.listRecoveryActions(conversationId)).find(
    (a) => a.action === body.action && (a.status === 'awaiting_approval' || a.status === 'cooling_off'),
  );
  if (open) throw new DomainError('conflict', 'This action was already asked for and is not decided yet.');

  const verified = (await ctx.store.listVerifications(conversationId)).map(toVerified);
  const requirement = requirementOf(await loadRecoverySettings(ctx), body.action);
  const decision = decideAction({
    action: body.action,
    accountId: c.accountId,
    requestedBy: actor.agentId,
    requirement,
    verified,
    approval: null,
    stoppedByOldContact: false,
    now,
  });
  const stop = decision.status === 'cooling_off' ? newStopToken() : undefined;
  const final = decision.status === 'approved' || decision.status === 'refused';
  const action: RecoveryActionRecord = {
    id: randomUUID(),
    conversationId,
    inboxId: conversation.inboxId,
    accountId: c.accountId,
    action: body.action,
    status: decision.status,
    reason: decision.status === 'refused' ? decision.reason : null,
    verification: verificationLevel(verified, c.accountId, body.action, now),
    requestedBy: actor.agentId,
    approvedBy: null,
    approvedAt: null,
    decidedBy: null,
    newContact,
    coolingOffUntil: decision.status === 'cooling_off' ? decision.until : null,
    stopTokenHash: stop?.hash ?? null,
    createdAt: now,
    decidedAt: final ? now : null,
    version: 1,
  };
  await ctx.store.createRecoveryAction(action);
  await recordAudit(ctx, {
    actorType: 'agent',
    actorId: actor.agentId,
    actorName: await ctx.names.agent(actor.agentId),
    action: 'recovery.action.requested',
    conversationId,
    accountExternalId: c.accountId,
    detail: { actionId: action.id, action: action.action, status: action.status },
  });
  // The gate's own decision, by the system from the proofs on record (awaiting: the request says it all).
  const decided = decision.status === 'awaiting_approval' ? null : `recovery.action.${decision.status}`;
  await announceAction(ctx, action, decided, SYSTEM);
  if (stop) await sendStopNotice(ctx, action, stop.token);
  await checkTakeoverSignals(ctx, c);
  if (decision.status === 'refused')
    throw new DomainError(
      'not_verified',
      decision.reason === 'verification_expired'
        ? 'The proof is too old: send a new code.'
        : 'The visitor has not proven the account with a code for this action.',
    );
  return presentAction(ctx, action);
}

/** change_contact needs the new contact, and only it takes one; checked as the host's own API checks it. */
function checkedNewContact(body: RequestRecoveryActionBody): RecoveryActionRecord['newContact'] {
  if (body.action !== 'change_contact') {
    if (body.newContact) throw new DomainError('bad_frame', 'Only change_contact takes a new contact.');
    return null;
  }
  if (!body.newContact) throw new DomainError('bad_frame', 'change_contact needs the new contact.');
  const { channel, value } = body.newContact;
  const parsed = putAccountBody.safeParse({ [channel]: value });
  if (!parsed.success)
    throw new DomainError('bad_frame', channel === 'email' ? 'Not an email address.' : 'Not a phone number.');
  return {
    channel,
    value: channel === 'email' ? value.trim().toLowerCase() : `+${value.replace(/\D/g, '')}`,
  };
}

function toVerified(v: VerificationRecord): Verified {
  return { accountId: v.accountId, purpose: v.purpose, standing: v.standing, at: v.at };
}
