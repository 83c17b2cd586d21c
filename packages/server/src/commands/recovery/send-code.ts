/**
 * POST /api/v1/conversations/{id}/recovery/codes: an agent asks Candor to send a code to a contact on
 * file of the matched account, picked by its id (an agent never types an address, and never sees one
 * in full). The code is drawn from a CSPRNG, kept only as a keyed hash (code-hash.ts), bound to the
 * conversation, the account and the purpose, and sent by email or text in the visitor's language. At
 * most CODE_POLICY.sendsPerHourPerAccount sends per account, counted in the store across nodes.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { RecoveryCodeView, SendRecoveryCodeBody } from '@candor/protocol';
import { DomainError } from '../../domain/errors';
import { mailLanguage } from '../../domain/mail/mail-texts';
import { codeMail, codeText } from '../../domain/recovery/code-message';
import { reachableContacts } from '../../domain/recovery/contact-on-file';
import { CODE_LIMITS, CODE_POLICY, codeDigits, issueCode } from '../../domain/recovery/recovery-code';
import { codeStatus } from '../../domain/recovery/recovery-views';
import type { Actor } from '../../domain/types';
import { takeSlot } from '../../limits/shared-limit';
import type { RecoveryCodeRecord } from '../../storage/recovery-store';
import type { ChatContext } from '../context';
import { recordAudit } from './audit';
import { hashCode } from './code-hash';
import { announce, loadCase, visitorStateOf } from './recovery-case';
import { recentlyReplacedMs } from './recovery-team';

export async function sendRecoveryCode(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
  body: SendRecoveryCodeBody,
): Promise<RecoveryCodeView> {
  const { recovery } = await loadCase(ctx, actor, conversationId);
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Only agents send codes.');
  const now = ctx.now();
  const accountId = recovery.accountId;
  const rows = accountId === null ? [] : await ctx.store.listAccountContacts(accountId);
  const recentMs = await recentlyReplacedMs(ctx);
  const row = rows.find((r) => r.id === body.contactId);
  const contact = row && reachableContacts([row], now, recentMs)[0];
  if (accountId === null || !row || !contact)
    throw new DomainError('not_found', 'No such contact on file for this account.');
  if (contact.channel === 'phone' && !ctx.sms)
    throw new DomainError(
      'forbidden',
      'Text messages are not set up on this server: send the code by email.',
    );
  if (contact.channel === 'email' && !ctx.mail)
    throw new DomainError('forbidden', 'Email is not set up on this server.');
  const slot = await takeSlot(ctx.store, CODE_LIMITS.sends.key(accountId), {
    rule: CODE_LIMITS.sends.rule,
    now,
  });
  if (!slot.ok)
    throw new DomainError(
      'rate_limited',
      `At most ${CODE_POLICY.sendsPerHourPerAccount} codes an hour go to one account; try again later.`,
      slot.retryAfterMs,
    );

  const code = codeDigits(randomInt(0, 10 ** CODE_POLICY.digits));
  const issued = issueCode({ conversationId, accountId, purpose: body.purpose }, now);
  const record: RecoveryCodeRecord = {
    ...issued,
    id: randomUUID(),
    contactId: row.id,
    channel: contact.channel,
    standing: contact.standing,
    masked: contact.masked,
    codeHash: await hashCode(ctx, code),
    version: 0,
  };
  // Kept before it leaves: the visitor may type it as soon as it arrives.
  await ctx.store.createRecoveryCode(record);
  const visitor = await ctx.store.findContact(recovery.visitorId);
  const notice = {
    language: mailLanguage(visitor?.language),
    code,
    purpose: body.purpose,
    ttlMs: CODE_POLICY.ttlMs,
  };
  // The code is stored hashed only, so its mail is never written to the store's mail queue: it waits
  // in this node's memory, and if the node stops before it leaves, the agent simply sends a new code.
  if (contact.channel === 'email')
    await ctx.mail?.enqueue('recovery-code', { to: contact.value, ...codeMail(notice) }, { secret: true });
  else
    await ctx.sms?.send({ to: contact.value, text: codeText(notice) }).catch(() => {
      throw new DomainError('unavailable', 'The text message could not be sent; try again or use email.');
    });

  announce(ctx, recovery, await visitorStateOf(ctx, conversationId));
  await recordAudit(ctx, {
    actorType: 'agent',
    actorId: actor.agentId,
    actorName: await ctx.names.agent(actor.agentId),
    action: 'recovery.code.sent',
    conversationId,
    accountExternalId: accountId,
    detail: {
      purpose: body.purpose,
      channel: contact.channel,
      masked: contact.masked,
      standing: contact.standing,
      codeId: record.id,
    },
  });
  return codeView(record, now);
}

export function codeView(c: RecoveryCodeRecord, now: number): RecoveryCodeView {
  return {
    id: c.id,
    purpose: c.purpose,
    channel: c.channel,
    masked: c.masked,
    standing: c.standing,
    sentAt: c.issuedAt,
    expiresAt: c.expiresAt,
    status: codeStatus(c, now),
  };
}
