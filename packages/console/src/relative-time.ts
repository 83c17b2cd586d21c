/** Short relative times for inbox rows ("now", "5m", "3h", "2d"), then a date once it is old. */
import { consoleLang, type ConsoleLang } from './console-text';
import { sayInbox } from './inbox-text';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function relativeTime(at: number, now: number, lang: ConsoleLang = consoleLang()): string {
  const age = Math.max(0, now - at);
  if (age < MINUTE) return sayInbox('now', {}, lang);
  if (age < HOUR) return sayInbox('minutesAgo', { n: Math.floor(age / MINUTE) }, lang);
  if (age < DAY) return sayInbox('hoursAgo', { n: Math.floor(age / HOUR) }, lang);
  if (age < 7 * DAY) return sayInbox('daysAgo', { n: Math.floor(age / DAY) }, lang);
  return new Date(at).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}
