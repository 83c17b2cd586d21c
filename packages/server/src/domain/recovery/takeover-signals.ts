/**
 * Signs that a recovery chat may be an account takeover, shown to the agent and to supervisors with the
 * reason in words: they help a person judge, they decide nothing by themselves (the action gate does).
 */
import { foldForMatching } from './text-folding';

export type TakeoverSignal =
  'repeated_attempts' | 'identity_mismatch' | 'urgent_contact_change' | 'contact_recently_replaced';

export interface TakeoverFacts {
  /** Recovery conversations opened for this account in the last 7 days, this one included. */
  recentAttempts: number;
  /** The host's user id the widget was signed in as, or null when not signed in. */
  signedSubject: string | null;
  accountExternalId: string;
  /** What the visitor wrote in this conversation. */
  visitorTexts: readonly string[];
  contactChangeRequested: boolean;
  lastContactChangeAt: number | null;
  now: number;
}

export const SIGNAL_LIMITS = {
  attempts: 3,
  recentChangeMs: 14 * 24 * 60 * 60_000,
} as const;

// Folded (lower case, no accents): "immédiatement" is matched as "immediatement".
const URGENCY =
  /\b(urgent|urgence|urgently|asap|immediately|right now|right away|straight away|as soon as possible|tout de suite|immediatement|au plus vite|des que possible|vite|emergency|hurry|depeche)\b/;

export function takeoverSignals(f: TakeoverFacts): TakeoverSignal[] {
  const signals: TakeoverSignal[] = [];
  if (f.recentAttempts >= SIGNAL_LIMITS.attempts) signals.push('repeated_attempts');
  if (f.signedSubject !== null && f.signedSubject !== f.accountExternalId) signals.push('identity_mismatch');
  if (f.contactChangeRequested && f.visitorTexts.some((t) => URGENCY.test(foldForMatching(t))))
    signals.push('urgent_contact_change');
  if (f.lastContactChangeAt !== null && f.now - f.lastContactChangeAt <= SIGNAL_LIMITS.recentChangeMs)
    signals.push('contact_recently_replaced');
  return signals;
}
