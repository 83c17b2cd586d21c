/**
 * Takeover signals of a recovery case, computed from what the store holds (domain/recovery/
 * takeover-signals.ts) and recorded once each: a signal seen for the first time is audited and raised to
 * the inbox's agents (`recovery.changed` with `signal`, which supervisors' consoles raise). Run when the
 * case opens, when an action is asked for, and when the case is read.
 */
import type { TakeoverSignalView } from '@candor/protocol';
import { lastContactChange } from '../../domain/recovery/contact-on-file';
import { takeoverSignals, type TakeoverSignal } from '../../domain/recovery/takeover-signals';
import type { RecoveryCaseRecord } from '../../storage/recovery-store';
import type { ChatContext } from '../context';
import { recordAudit } from './audit';

/** How far back recovery cases for the same account count as repeated attempts. */
const ATTEMPTS_WINDOW_MS = 7 * 24 * 60 * 60_000;
/** The visitor's words read for urgency: the start of the chat is where the pressure is. */
const MESSAGES_READ = 200;

/** The domain's names for the wire's. */
const WIRE: Record<TakeoverSignal, TakeoverSignalView['kind']> = {
  repeated_attempts: 'repeated_attempts',
  identity_mismatch: 'identity_mismatch',
  urgent_contact_change: 'urgency_with_contact_change',
  contact_recently_replaced: 'contact_recently_replaced',
};
const KINDS = new Set<string>(Object.values(WIRE));

export async function checkTakeoverSignals(
  ctx: ChatContext,
  c: RecoveryCaseRecord,
): Promise<TakeoverSignalView[]> {
  // The same reads whether or not an account matched (none: an id no account has), so a case start
  // does the same store work either way and its answer's timing says nothing about the account.
  const accountId = c.accountId ?? '';
  const [attempts, history, messages, actions] = await Promise.all([
    ctx.store.countRecoveryCases(accountId, c.createdAt - ATTEMPTS_WINDOW_MS),
    ctx.store.accountContactHistory(accountId),
    ctx.store.listMessages(c.conversationId, 0, MESSAGES_READ),
    ctx.store.listRecoveryActions(c.conversationId),
  ]);
  const found =
    c.accountId === null
      ? []
      : takeoverSignals({
          recentAttempts: attempts,
          signedSubject: c.identitySub,
          accountExternalId: accountId,
          visitorTexts: messages.filter((m) => m.authorType === 'visitor').map((m) => m.body),
          contactChangeRequested: actions.some((a) => a.action === 'change_contact'),
          // Replaced shortly before the case opened: a change made since is not what this signal is about.
          lastContactChangeAt: lastContactChange(history, c.createdAt),
          now: c.createdAt,
        }).map((s) => WIRE[s]);
  const fresh = await ctx.store.raiseRecoverySignals(c.conversationId, found, ctx.now());
  for (const kind of fresh)
    await recordAudit(ctx, {
      actorType: 'system',
      actorId: null,
      actorName: null,
      action: 'recovery.signal',
      conversationId: c.conversationId,
      accountExternalId: c.accountId,
      detail: { signal: kind },
    });
  // To the inbox's agents only (supervisors raise it): the visitor's topic never carries a signal.
  if (fresh.length > 0)
    ctx.emit({
      type: 'recovery.changed',
      conversationId: c.conversationId,
      inboxId: c.inboxId,
      visitorId: c.visitorId,
      signal: true,
    });
  return (await ctx.store.listRecoverySignals(c.conversationId))
    .filter((s) => KINDS.has(s.kind))
    .map((s) => ({ kind: s.kind as TakeoverSignalView['kind'], at: s.at }));
}
