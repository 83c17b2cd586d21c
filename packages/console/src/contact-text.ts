/** How the contact panel words a contact's facts: verification level and the visitor's local time. */
import type { Verification } from '@candor/protocol';

export const VERIFICATION_TEXT: Record<Verification, string> = {
  anonymous: 'Anonymous',
  self_declared: 'Self-declared (typed by the visitor, not verified)',
  signed: 'Signed by your site',
};

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
