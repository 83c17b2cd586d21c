/**
 * Cooling-off (issue 14): an approved action that changes the account waits (24 hours for a contact
 * change), and the account's emails (current, and replaced lately) are told, with a one-use link that
 * stops it. The link's token is the credential: only its SHA-256 is kept; opening the link (GET) never
 * changes anything (mail scanners open links), the page's button (POST) stops it. A periodic tick on
 * every node moves the actions whose time is up to approved; the update names the version read, so
 * exactly one node does.
 */
import { createHash, randomBytes } from 'node:crypto';
import { noticeTime, stopNotice, stopText } from '../../domain/recovery/stop-notice';
import { reachableContacts } from '../../domain/recovery/contact-on-file';
import { escapeHtml, page } from '../../domain/mail/mail-html';
import type { RecoveryActionRecord } from '../../storage/recovery-action-store';
import type { ChatContext } from '../context';
import { announceAction, SYSTEM } from './action-outcome';
import { recordAudit } from './audit';
import { recentlyReplacedMs } from './recovery-team';

/** How often each node looks for cooling-off actions whose time is up. */
export const COOLING_OFF_TICK_MS = 60_000;
const TICK_BATCH = 100;

export function newStopToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: stopTokenHash(token) };
}

export function stopTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function stopUrl(ctx: ChatContext, token: string): string {
  return `${ctx.publicUrl?.() ?? ''}/recovery/stop/${token}`;
}

/**
 * Tells the account's contacts that the action will go ahead unless they stop it: the current ones, and
 * those replaced within the recovery window, because a thief's first move is to replace the owner's
 * email or phone, and the owner is then only reachable at the old one. Emails by mail, phones by text
 * (when an SMS provider, or the development outbox, is set up). One link; whoever presses it stops it.
 * A text that cannot be sent is audited, not fatal: the approval stands and the emails went.
 */
export async function sendStopNotice(
  ctx: ChatContext,
  a: RecoveryActionRecord,
  token: string,
): Promise<void> {
  if (a.coolingOffUntil === null) return;
  const [history, recentMs] = await Promise.all([
    ctx.store.accountContactHistory(a.accountId),
    recentlyReplacedMs(ctx),
  ]);
  const reachable = reachableContacts(history, ctx.now(), recentMs);
  const to = new Set(reachable.filter((c) => c.channel === 'email').map((c) => c.value));
  const notice = stopNotice(a.action, a.coolingOffUntil, noticeTime);
  const url = stopUrl(ctx, token);
  for (const address of to)
    await ctx.mail?.enqueue('recovery-stop-notice', {
      to: address,
      subject: notice.subject,
      text: `${notice.paragraphs.join('\n\n')}\n\n${notice.linkText}: ${url}\n`,
      html: page(
        'en',
        notice.subject,
        `${notice.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}<p><a href="${escapeHtml(url)}">${escapeHtml(notice.linkText)}</a></p>`,
      ),
    });
  const phones = new Map(reachable.filter((c) => c.channel === 'phone').map((c) => [c.value, c.masked]));
  const text = stopText(a.action, a.coolingOffUntil, url, noticeTime);
  for (const [phone, masked] of phones)
    await ctx.sms?.send({ to: phone, text }).catch(() =>
      recordAudit(ctx, {
        actorType: 'system',
        actorId: null,
        actorName: null,
        action: 'recovery.stop_notice.not_sent',
        conversationId: a.conversationId,
        accountExternalId: a.accountId,
        detail: { actionId: a.id, channel: 'phone', masked },
      }),
    );
}

export type StopOutcome = 'stopped' | 'already_stopped' | 'too_late' | 'unknown';

/** What the stop page says before the button is pressed (nothing changes). */
export async function stopLinkState(ctx: ChatContext, token: string): Promise<StopOutcome | 'open'> {
  const a = await ctx.store.findRecoveryActionByStopToken(stopTokenHash(token));
  return a ? stateOf(a) : 'unknown';
}

/** The old contact pressed "Stop this change". Idempotent: a second press says it is stopped. */
export async function stopByOldContact(ctx: ChatContext, token: string): Promise<StopOutcome> {
  const hash = stopTokenHash(token);
  for (let attempt = 0; attempt < 3; attempt++) {
    const a = await ctx.store.findRecoveryActionByStopToken(hash);
    if (!a) return 'unknown';
    const state = stateOf(a);
    if (state !== 'open') return state;
    const stopped = await ctx.store.updateRecoveryAction(a.id, a.version, {
      status: 'stopped_by_old_contact',
      reason: 'stopped_by_old_contact',
      decidedAt: ctx.now(),
    });
    if (stopped) {
      await announceAction(ctx, stopped, 'recovery.action.stopped', { type: 'contact', id: null });
      return 'stopped';
    }
    // The tick or an approver changed it meanwhile: read it again and answer from what it is now.
  }
  return 'too_late';
}

function stateOf(a: RecoveryActionRecord): StopOutcome | 'open' {
  if (a.status === 'stopped_by_old_contact') return 'already_stopped';
  if (a.status === 'cooling_off' || a.status === 'awaiting_approval') return 'open';
  return 'too_late';
}

/** Cooling-off actions whose time is up become approved, each by one node only. How many this node did. */
export async function runCoolingOffTick(ctx: ChatContext): Promise<number> {
  const now = ctx.now();
  let done = 0;
  for (const a of await ctx.store.dueCoolingOff(now, TICK_BATCH)) {
    const approved = await ctx.store.updateRecoveryAction(a.id, a.version, {
      status: 'approved',
      decidedAt: now,
    });
    if (!approved) continue; // another node (or the old contact's stop) came first
    done++;
    await announceAction(ctx, approved, 'recovery.action.approved', SYSTEM);
  }
  return done;
}

/** Starts this node's tick; returns what stops it. A failed run is reported and the next one tries again. */
export function startCoolingOffTicks(
  ctx: ChatContext,
  onError: (err: unknown, what: string) => void,
): () => void {
  let timer: NodeJS.Timeout;
  let stopped = false;
  const run = () => {
    runCoolingOffTick(ctx)
      .catch((err: unknown) => onError(err, 'recovery cooling-off tick'))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, COOLING_OFF_TICK_MS).unref();
      });
  };
  timer = setTimeout(run, Math.random() * COOLING_OFF_TICK_MS).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
