/**
 * How the recovery panel words the server's state: contacts with their standing, codes with their status,
 * proofs ("Verified by a code sent to e•••@example.com at 14:02"), actions with their status, and
 * takeover signals in plain words. Pure, so every wording is tested without a browser; `timeZone` is for
 * tests only (the browser's zone otherwise).
 */
import type {
  ErrorCode,
  RecoveryAction,
  RecoveryActionView,
  RecoveryCodeView,
  RecoveryContact,
  RecoverySituation,
  RecoveryVerification,
  TakeoverSignalView,
} from '@candor/protocol';
import type { ConsoleLang } from '../console-text';
import { consoleLang } from '../console-text';
import { sayRecovery, type RecoveryTextKey } from './recovery-text';

export interface WordingOptions {
  lang?: ConsoleLang;
  timeZone?: string;
}

const LOCALE: Record<ConsoleLang, string> = { en: 'en-GB', fr: 'fr-FR' };

/** "14:02": hours and minutes, 24-hour, as the issue words a proof. */
export function clock(at: number, { lang = consoleLang(), timeZone }: WordingOptions = {}): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
}

/** "14:02" today, "4 Dec, 14:02" on another day: for deadlines that may be a day or more away. */
export function when(at: number, now: number, options: WordingOptions = {}): string {
  const { lang = consoleLang(), timeZone } = options;
  const day = (t: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      t,
    );
  if (day(at) === day(now)) return clock(at, options);
  const date = new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', timeZone }).format(at);
  return `${date}, ${clock(at, options)}`;
}

export function situationText(situation: RecoverySituation, lang?: ConsoleLang): string {
  return sayRecovery(`situation_${situation}`, {}, lang);
}

export function actionName(action: RecoveryAction, lang?: ConsoleLang): string {
  return sayRecovery(`action_${action}`, {}, lang);
}

/** "Email e•••@example.com": the mask only, never more, as the server sent it. */
export function contactName(
  contact: Pick<RecoveryContact, 'channel' | 'masked'>,
  lang?: ConsoleLang,
): string {
  return `${sayRecovery(`channel_${contact.channel}`, {}, lang)} ${contact.masked}`;
}

export function standingText(contact: Pick<RecoveryContact, 'standing'>, lang?: ConsoleLang): string {
  return sayRecovery(`standing_${contact.standing}`, {}, lang);
}

/** "Unlock: code sent to e•••@example.com at 14:02" and its status, apart. */
export function codeText(
  code: RecoveryCodeView,
  options: WordingOptions = {},
): { line: string; status: string } {
  const { lang } = options;
  const line = sayRecovery(
    'codeLine',
    { purpose: actionName(code.purpose, lang), contact: code.masked, time: clock(code.sentAt, options) },
    lang,
  );
  const status =
    code.status === 'pending'
      ? sayRecovery('code_pending', { time: clock(code.expiresAt, options) }, lang)
      : sayRecovery(`code_${code.status}`, {}, lang);
  return { line, status };
}

/** "Verified by a code sent to e•••@example.com at 14:02", what for, and a warning if the contact was replaced. */
export function verificationText(
  proof: RecoveryVerification,
  options: WordingOptions = {},
): { line: string; purpose: string; replaced: string | null } {
  const { lang } = options;
  return {
    line: sayRecovery('verifiedLine', { contact: proof.masked, time: clock(proof.at, options) }, lang),
    purpose: sayRecovery('verifiedFor', { purpose: actionName(proof.purpose, lang) }, lang),
    replaced: proof.standing === 'recently_replaced' ? sayRecovery('verifiedReplaced', {}, lang) : null,
  };
}

/** "Unlock: awaiting approval by a supervisor", "Change contact: cooling off until 4 Dec, 09:00, …". */
export function actionStatusText(
  view: RecoveryActionView,
  now: number,
  options: WordingOptions = {},
): string {
  const { lang } = options;
  let status: string;
  if (view.status === 'cooling_off' && view.coolingOffUntil !== null) {
    status = sayRecovery('status_cooling_off', { time: when(view.coolingOffUntil, now, options) }, lang);
  } else if (view.status === 'cooling_off') {
    // No end given: say cooling off without a time rather than a made-up one.
    status = sayRecovery('status_cooling_off', { time: '…' }, lang);
  } else {
    status = sayRecovery(`status_${view.status}`, {}, lang);
  }
  if (view.status === 'refused' && view.reason !== null) {
    status = `${status} (${sayRecovery(`reason_${view.reason}`, {}, lang)})`;
  }
  return sayRecovery('actionLine', { action: actionName(view.action, lang), status }, lang);
}

/** Who asked, who decided, and the new contact's mask: the smaller print under an action. */
export function actionPeople(view: RecoveryActionView, lang?: ConsoleLang): string[] {
  const parts = [sayRecovery('requestedBy', { name: view.requestedBy.name }, lang)];
  if (view.approvedBy) parts.push(sayRecovery('approvedBy', { name: view.approvedBy.name }, lang));
  if (view.newContactMasked)
    parts.push(sayRecovery('newContactMasked', { contact: view.newContactMasked }, lang));
  return parts;
}

/** An action refused for want of a proof: the agent's next step is to verify, so say exactly that. */
export function needsVerification(view: Pick<RecoveryActionView, 'status' | 'reason'>): boolean {
  return (
    view.status === 'refused' && (view.reason === 'not_verified' || view.reason === 'verification_expired')
  );
}

/** What a refused request says to the agent; null: not a recovery refusal (the generic wording applies). */
export function refusalText(code: ErrorCode | 'network', lang?: ConsoleLang): string | null {
  if (code === 'not_verified') return sayRecovery('notVerifiedError', {}, lang);
  return null;
}

export function signalText(signal: Pick<TakeoverSignalView, 'kind'>, lang?: ConsoleLang): string {
  return sayRecovery(`signal_${signal.kind}` satisfies RecoveryTextKey, {}, lang);
}

/** One line per kind of signal, the newest time kept: a repeated signal is not a longer warning. */
export function distinctSignals(signals: readonly TakeoverSignalView[]): TakeoverSignalView[] {
  const latest = new Map<TakeoverSignalView['kind'], TakeoverSignalView>();
  for (const s of signals) {
    const held = latest.get(s.kind);
    if (!held || s.at > held.at) latest.set(s.kind, s);
  }
  return [...latest.values()].sort((a, b) => a.at - b.at);
}
