/**
 * "We're back at 9:00" when the team is closed: the server's next opening (an instant) told in the
 * visitor's own time zone and language, with the day when it is not today ("on Monday", "lundi").
 */
import type { Strings } from './i18n';

const DAY_MS = 86_400_000;

/** `timeZone` is for tests; the browser's own zone otherwise. */
export function backText(s: Strings, iso: string, now: number, timeZone?: string): string {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return '';
  const zone = timeZone ? { timeZone } : {};
  const parts = new Intl.DateTimeFormat(s.lang, { hour: 'numeric', minute: '2-digit', ...zone });
  const time =
    s.lang === 'fr'
      ? // French writes 9 h 00 (no-break spaces), which Intl does not.
        parts
          .formatToParts(at)
          .filter((p) => p.type === 'hour' || p.type === 'minute')
          .map((p) => (p.type === 'hour' ? String(Number(p.value)) : p.value))
          .join('\u00a0h\u00a0')
      : parts.format(at);
  const dateOf = (t: number) => new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', ...zone }).format(t);
  if (dateOf(at) === dateOf(now)) return s.backAt.replace('{t}', time);
  const day = new Intl.DateTimeFormat(s.lang, {
    weekday: 'long',
    ...(at - now > 6 * DAY_MS ? { day: 'numeric', month: 'long' } : {}),
    ...zone,
  }).format(at);
  return s.backOn.replace('{d}', day).replace('{t}', time);
}
