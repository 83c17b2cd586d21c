/**
 * An inbox's business hours: a time zone (IANA), weekly opening intervals in that zone's wall time, and
 * holidays (dates in that zone, closed all day). Plain data, the shape the REST API takes and returns.
 * An interval lies within one day ('24:00' closes at midnight); a night shift is two intervals.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface OpeningInterval {
  day: Weekday;
  /** 'HH:MM', 00:00 to 23:59. */
  open: string;
  /** 'HH:MM', after `open`, up to 24:00. */
  close: string;
}

export interface Schedule {
  timeZone: string;
  weekly: readonly OpeningInterval[];
  /** 'YYYY-MM-DD' in the schedule's zone. */
  holidays: readonly string[];
  /** Optional names of holidays by date ("Christmas"), shown to admins; every key is in `holidays`. */
  holidayLabels?: Readonly<Record<string, string>> | undefined;
}

export const HOURS_LIMITS = { intervals: 70, holidays: 400, zoneLength: 64, holidayLabel: 60 } as const;

/** Minutes since midnight of an 'HH:MM' (24:00 allowed), or undefined when it is no such time. */
export function minutesOf(time: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
}

/** Whether `zone` is an IANA zone name this runtime knows (not an offset like '+01:00'). */
export function isKnownZone(zone: string): boolean {
  if (zone.length > HOURS_LIMITS.zoneLength || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone))
    return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** Why a schedule cannot be kept (a sentence for the admin), or undefined when it is sound. */
export function scheduleProblem(schedule: Schedule): string | undefined {
  if (!isKnownZone(schedule.timeZone)) return `Unknown time zone: use an IANA name such as Europe/Paris.`;
  if (schedule.weekly.length > HOURS_LIMITS.intervals)
    return `At most ${HOURS_LIMITS.intervals} opening intervals.`;
  if (schedule.holidays.length > HOURS_LIMITS.holidays) return `At most ${HOURS_LIMITS.holidays} holidays.`;
  for (const interval of schedule.weekly) {
    if (!WEEKDAYS.includes(interval.day)) return `Unknown day: ${String(interval.day).slice(0, 10)}.`;
    const [open, close] = [minutesOf(interval.open), minutesOf(interval.close)];
    if (open === undefined || close === undefined || open >= 24 * 60)
      return `Times on ${interval.day} are HH:MM, from 00:00 to 24:00.`;
    if (close <= open) return `An interval on ${interval.day} closes before it opens.`;
  }
  for (const day of WEEKDAYS) {
    const spans = schedule.weekly
      .filter((i) => i.day === day)
      .map((i) => [minutesOf(i.open) ?? 0, minutesOf(i.close) ?? 0] as const)
      .sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < spans.length; k++) {
      if ((spans[k]?.[0] ?? 0) < (spans[k - 1]?.[1] ?? 0)) return `Intervals on ${day} overlap.`;
    }
  }
  if (!schedule.holidays.every(isCalendarDate)) return 'Holidays are dates as YYYY-MM-DD.';
  for (const [date, label] of Object.entries(schedule.holidayLabels ?? {})) {
    if (!schedule.holidays.includes(date)) return `A holiday label names a date that is not a holiday.`;
    if (label.trim().length > HOURS_LIMITS.holidayLabel)
      return `A holiday's label is at most ${HOURS_LIMITS.holidayLabel} characters.`;
  }
  return undefined;
}

/** The labels worth keeping: trimmed, empty ones dropped; undefined when none is left. */
export function keptHolidayLabels(schedule: Schedule): Record<string, string> | undefined {
  const kept = Object.entries(schedule.holidayLabels ?? {})
    .map(([date, label]) => [date, label.trim()] as const)
    .filter(([, label]) => label !== '');
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}
