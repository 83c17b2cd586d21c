/**
 * "Open now" / "Closed, opens Monday 09:00": an inbox's status as the server computed it (GET
 * /inboxes/{id}/hours), worded in the console's language with the inbox's own wall time.
 */
import type { HoursStatus } from '@candor/protocol';
import type { ConsoleLang } from './console-text';
import { sayHours } from './hours-text';

const WEEK_MS = 6 * 86_400_000;

export function openingText(
  status: HoursStatus,
  timeZone: string,
  lang: ConsoleLang,
  now = Date.now(),
): string {
  if (status.open) return sayHours('openNow', {}, lang);
  if (status.nextOpening === null) return sayHours('closedForGood', {}, lang);
  const at = Date.parse(status.nextOpening);
  if (Number.isNaN(at)) return sayHours('closedForGood', {}, lang);
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  // Within the week the weekday says it; further (after holidays), the date does.
  const day = new Intl.DateTimeFormat(
    locale,
    at - now < WEEK_MS ? { weekday: 'long', timeZone } : { day: 'numeric', month: 'long', timeZone },
  ).format(at);
  const when = lang === 'fr' ? `${day} à ${time}` : `${day} ${time}`;
  return sayHours('closedOpens', { when }, lang);
}
