/** How the contact panel words a contact's facts: verification level and the visitor's local time. */
import type { Verification } from '@candor/protocol';
import { say, type ConsoleLang, type TextKey } from './console-text';
import { sayConversation, type ConversationTextKey } from './conversation-text';

const VERIFICATION_KEY: Record<Verification, ConversationTextKey> = {
  anonymous: 'verifAnonymous',
  self_declared: 'verifSelfDeclared',
  signed: 'verifSigned',
};

/** The contact panel's words for how sure we are of who the visitor is. */
export function verificationText(level: Verification, lang?: ConsoleLang): string {
  return sayConversation(VERIFICATION_KEY[level], {}, lang);
}

const BADGE_KEY: Record<Verification, TextKey> = {
  anonymous: 'verificationAnonymous',
  self_declared: 'verificationSelfDeclared',
  signed: 'verificationSigned',
};

/** The inbox row's small badge: its short text, and the name a screen reader says ("Identity: …"). */
export function verificationBadge(level: Verification, lang?: ConsoleLang): { text: string; label: string } {
  const text = say(BADGE_KEY[level], {}, lang);
  return { text, label: say('verificationLabel', { level: text }, lang) };
}

/** "14:05 (Europe/Paris)", or null when the zone is unknown to this browser. */
export function localTime(timeZone: string, now: number, locale?: string): string | null {
  try {
    const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(
      now,
    );
    return `${time} (${timeZone})`;
  } catch {
    return null;
  }
}

/** A page address shown without its scheme, to save room: the title says the rest. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
