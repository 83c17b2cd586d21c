/**
 * What the widget says in a recovery chat, and the verified-agent mark, as plain strings (no DOM). Every
 * line is the same whether or not the account exists: only what the visitor proved changes it.
 */
import { linkTarget } from '@candor/protocol';
import type { Strings } from './i18n';
import type { RecoveryState } from './recovery';

/** `timeZone` is for tests; the browser's own zone otherwise. */
function clock(s: Strings, at: number, timeZone?: string): string {
  return new Date(at).toLocaleTimeString(s.lang, {
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** The status line: a code is on its way (until when), or verified (when); before that, the thank-you. */
export function recoveryStatusText(s: Strings, r: RecoveryState, timeZone?: string): string {
  const st = r.status;
  if (st?.verifiedAt != null) return s.codeVerifiedAt.replace('{t}', clock(s, st.verifiedAt, timeZone));
  if (st?.codeRequestedAt != null && st.codeExpiresAt != null)
    return s.codeSent.replace('{t}', clock(s, st.codeExpiresAt, timeZone));
  return s.recoveryStarted;
}

/** What the last code try did, in plain words; '' while sending or before any try. */
export function codeResultText(s: Strings, r: RecoveryState): string {
  switch (r.code) {
    case 'verified':
      return s.codeVerified;
    case 'wrong':
      return s.codeWrong;
    case 'expired':
      return s.codeExpired;
    case 'too_many_tries':
      return s.codeTooMany;
    case 'failed':
      return s.codeFailed;
    default:
      return '';
  }
}

export function agentMarkText(s: Strings, siteName: string): string {
  return s.agentMark.replace('{site}', siteName);
}

/**
 * The "check a support reference" link's target: http(s) only and without credentials, since the
 * address comes from the server's configuration and must not become a script or a look-alike link.
 */
export function verifyHref(url: string): string | null {
  const href = linkTarget(url);
  return href && /^https?:/i.test(href) ? href : null;
}
