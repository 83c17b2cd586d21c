/**
 * recovery.start: "I can't access my account". Opens a NEW conversation marked recovery, routed to the
 * recovery team, with the visitor's words (or their situation) as its first message through the normal
 * send path (redaction applies), and a case naming the account on file it matched, if any.
 *
 * What the visitor gets must not say whether the account exists: the answer is built from the
 * conversation alone, and the store work is the same either way (every read is made, nothing is skipped
 * or added when an account matches; recovery.test.ts compares the statements).
 */
import type { Conversation, Message, RecoveryStartFrame } from '@candor/protocol';
import { randomUUID } from 'node:crypto';
import { addressGroup } from '../../domain/address-group';
import { DomainError } from '../../domain/errors';
import { mailLanguage } from '../../domain/mail/mail-texts';
import { wellFormed } from '../../domain/message-body';
import { matchedAccount, parseClaim } from '../../domain/recovery/account-claim';
import { openingMessage, RECOVERY_START_LIMITS } from '../../domain/recovery/recovery-start';
import type { Actor } from '../../domain/types';
import { DEFAULT_INBOX_ID } from '../../domain/types';
import { takeSlot } from '../../limits/shared-limit';
import type { ChatContext } from '../context';
import { presentConversation, presentMessage, routingOf } from '../presenters';
import { sendMessage } from '../send-message';
import { recordAudit } from './audit';
import { noteRecoveryConversation } from './recovery-marks';
import { recentlyReplacedMs, recoveryTeamId } from './recovery-team';
import { checkTakeoverSignals } from './takeover-check';

export async function startRecovery(
  ctx: ChatContext,
  actor: Actor,
  frame: RecoveryStartFrame,
  senderIp?: string,
): Promise<{ conversation: Conversation; message: Message }> {
  if (actor.kind !== 'visitor') throw new DomainError('forbidden', 'Only visitors start a recovery.');
  const clientKey = wellFormed(frame.clientKey);
  // A start sent again (a lost ack) answers as the first one did, and writes nothing.
  const repeat = await ctx.store.findMessageByClientKey('visitor', actor.visitorId, clientKey);
  if (repeat) return answerAgain(ctx, repeat.conversationId, repeat);
  await admit(ctx, actor.visitorId, senderIp);

  const now = ctx.now();
  const claim = parseClaim(frame.account);
  // Every read, whether or not anything matches. A name that is not an email or a phone is looked up
  // among emails all the same (it finds nothing: stored emails hold an @).
  const [byId, byContact, contact, identitySub, teamId, recentMs] = await Promise.all([
    ctx.store.findHostAccount(claim.externalId),
    ctx.store.findAccountsByContact(
      claim.contact?.channel ?? 'email',
      claim.contact?.value ?? claim.externalId.toLowerCase(),
    ),
    ctx.store.findContact(actor.visitorId),
    ctx.store.visitorIdentitySub(actor.visitorId),
    recoveryTeamId(ctx),
    recentlyReplacedMs(ctx),
  ]);
  const accountId = matchedAccount({ byExternalId: byId?.externalId, byContact, now, recentMs });
  const conversationId = randomUUID();
  // The case first: no view of the conversation, on any node, can be built before its mark exists.
  const recoveryCase = {
    conversationId,
    inboxId: DEFAULT_INBOX_ID,
    visitorId: actor.visitorId,
    claimedAccount: frame.account,
    situation: frame.situation,
    accountId,
    identitySub,
    createdAt: now,
  };
  await ctx.store.createRecoveryCase(recoveryCase);
  noteRecoveryConversation(ctx, conversationId);
  const language = mailLanguage(contact?.language);
  const sent = await sendMessage(ctx, actor, {
    conversationId: null,
    clientKey,
    body: openingMessage(frame.situation, frame.details, language),
    opens: { conversationId, teamId },
    ...(senderIp === undefined ? {} : { senderIp }),
  });
  if (teamId !== null) {
    const record = await ctx.store.getConversation(conversationId);
    const skills = (await ctx.store.requiredSkillsOf([conversationId])).get(conversationId) ?? [];
    if (record)
      ctx.emit({
        type: 'routing.changed',
        conversationId,
        inboxId: record.inboxId,
        ...routingOf(record, skills),
      });
  }
  ctx.emit({
    type: 'recovery.changed',
    conversationId,
    inboxId: DEFAULT_INBOX_ID,
    visitorId: actor.visitorId,
  });
  await recordAudit(ctx, {
    actorType: 'visitor',
    actorId: actor.visitorId,
    actorName: null,
    action: 'recovery.started',
    conversationId,
    accountExternalId: accountId,
    detail: { situation: frame.situation, matched: accountId !== null },
  });
  // Signals present from the start (repeated attempts, a signed identity that is not the account, a
  // contact replaced lately) reach supervisors now, not when someone opens the case.
  await checkTakeoverSignals(ctx, recoveryCase);
  return { conversation: sent.conversation, message: sent.message };
}

async function admit(ctx: ChatContext, visitorId: string, senderIp: string | undefined): Promise<void> {
  const now = ctx.now();
  const checks = [{ limit: RECOVERY_START_LIMITS.visitor, id: visitorId }];
  if (senderIp !== undefined)
    checks.push({ limit: RECOVERY_START_LIMITS.address, id: addressGroup(senderIp) });
  for (const { limit, id } of checks) {
    const slot = await takeSlot(ctx.store, limit.key(id), { rule: limit.rule, now });
    if (!slot.ok)
      throw new DomainError(
        'rate_limited',
        'Too many account recovery requests; try again later.',
        slot.retryAfterMs,
      );
  }
}

async function answerAgain(
  ctx: ChatContext,
  conversationId: string,
  message: Parameters<typeof presentMessage>[1],
): Promise<{ conversation: Conversation; message: Message }> {
  const record = await ctx.store.getConversation(conversationId);
  if (!record) throw new DomainError('not_found', 'No such conversation.');
  const [conversation, presented] = await Promise.all([
    presentConversation(ctx, record),
    presentMessage(ctx, message),
  ]);
  return { conversation, message: presented };
}
