/**
 * Wall time in an IANA zone, with Intl alone (no time-zone library: the runtime's ICU data is the same
 * tz database and is updated with Node and the browsers). Pure: formatters are cached per zone only.
 */
import { WEEKDAYS, type Weekday } from './schedule';

export interface WallTime {
  /** 'YYYY-MM-DD' */
  date: string;
  day: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock's fields at instant `at` (seconds dropped). */
function fields(zone: string, at: number): { y: number; m: number; d: number; h: number; min: number } {
  const part = (parts: Intl.DateTimeFormatPart[], type: string) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const parts = formatter(zone).formatToParts(at);
  return {
    y: part(parts, 'year'),
    m: part(parts, 'month'),
    d: part(parts, 'day'),
    h: part(parts, 'hour') % 24,
    min: part(parts, 'minute'),
  };
}

export function wallTime(zone: string, at: number): WallTime {
  const { y, m, d, h, min } = fields(zone, at);
  return { date: isoDate(y, m, d), day: weekdayOf(y, m, d), minutes: h * 60 + min };
}

/** The zone's offset from UTC at `at`, in ms (Paris in summer: +2 h). */
function offsetAt(zone: string, at: number): number {
  const minute = Math.floor(at / 60_000) * 60_000;
  const { y, m, d, h, min } = fields(zone, minute);
  return Date.UTC(y, m - 1, d, h, min) - minute;
}

/**
 * The instant when the wall clock shows `minutes` on `date`. Ambiguous and missing wall times resolve as
 * Temporal's 'compatible' disambiguation does: in an autumn overlap the earlier instant; in a spring gap
 * the time moved forward by the gap (02:30 on the night Paris springs forward is 03:30).
 */
export function instantOf(zone: string, date: string, minutes: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, 0, minutes);
  const before = offsetAt(zone, asUtc - 86_400_000);
  const after = offsetAt(zone, asUtc + 86_400_000);
  const early = asUtc - before;
  const late = asUtc - after;
  // Try the offsets around the day: whichever maps back to the wall time asked for, the earlier first.
  for (const t of [Math.min(early, late), Math.max(early, late)]) {
    if (asUtc - offsetAt(zone, t) === t) return t;
  }
  // A gap: no instant shows that wall time; the offset before the change, read forward.
  return asUtc - before;
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function weekdayOf(y: number, m: number, d: number): Weekday {
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7] ?? 'mon';
}
