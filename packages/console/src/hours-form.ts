/**
 * The business hours editor's form logic, pure: a schedule as the form holds it (ranges per day,
 * holidays with their labels), back to the API's schedule, the checks run before anything is sent
 * (the server checks the same again), and the server's refusal placed next to the field it is about.
 */
import { SATISFACTION_LIMITS, type Schedule, type Weekday } from '@candor/protocol';
import type { ConsoleLang } from './console-text';
import { sayHours } from './hours-text';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const DAY_NAMES: Record<ConsoleLang, Record<Weekday, string>> = {
  en: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
  fr: {
    mon: 'lundi',
    tue: 'mardi',
    wed: 'mercredi',
    thu: 'jeudi',
    fri: 'vendredi',
    sat: 'samedi',
    sun: 'dimanche',
  },
};

export const dayName = (day: Weekday, lang: ConsoleLang): string => DAY_NAMES[lang][day];

/** The server's limits (domain/hours/schedule.ts), checked here first. */
export const FORM_LIMITS = { ranges: 70, holidays: 400, label: SATISFACTION_LIMITS.holidayLabelMax } as const;

export interface TimeRange {
  open: string;
  close: string;
}
export interface HolidayRow {
  date: string;
  label: string;
}
export interface HoursForm {
  timeZone: string;
  days: Record<Weekday, TimeRange[]>;
  holidays: HolidayRow[];
}

const noDays = (): Record<Weekday, TimeRange[]> => ({
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
});

/** A starting point when an inbox had no hours: weekdays 09:00 to 17:00 in the given zone. */
export function defaultForm(timeZone: string): HoursForm {
  const days = noDays();
  for (const day of WEEKDAYS.slice(0, 5)) days[day] = [{ open: '09:00', close: '17:00' }];
  return { timeZone, days, holidays: [] };
}

export function formOf(schedule: Schedule): HoursForm {
  const days = noDays();
  // A time field cannot hold 24:00: midnight closing shows as 00:00 and is sent back as 24:00.
  for (const i of schedule.weekly)
    days[i.day].push({ open: i.open, close: i.close === '24:00' ? '00:00' : i.close });
  for (const day of WEEKDAYS) days[day].sort((a, b) => a.open.localeCompare(b.open));
  const holidays = [...schedule.holidays]
    .sort()
    .map((date) => ({ date, label: schedule.holidayLabels?.[date] ?? '' }));
  return { timeZone: schedule.timeZone, days, holidays };
}

/** The API's schedule; a range closing at midnight is typed 00:00 in a time field and sent as 24:00. */
export function scheduleOf(form: HoursForm): Schedule {
  const weekly = WEEKDAYS.flatMap((day) =>
    form.days[day].map((r) => ({ day, open: r.open, close: r.close === '00:00' ? '24:00' : r.close })),
  );
  const holidays = form.holidays.map((h) => h.date);
  const labelled = form.holidays
    .filter((h) => h.label.trim() !== '')
    .map((h) => [h.date, h.label.trim()] as const);
  return {
    timeZone: form.timeZone,
    weekly,
    holidays,
    ...(labelled.length === 0 ? {} : { holidayLabels: Object.fromEntries(labelled) }),
  };
}

export interface HoursProblems {
  timeZone?: string;
  days: Partial<Record<Weekday, string>>;
  /** By the holiday's row. */
  holidays: Partial<Record<number, string>>;
  /** A problem of the whole form (a size), or a refusal the form cannot place. */
  form?: string;
}

const minutes = (time: string) => {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
};

function dayProblem(ranges: readonly TimeRange[], lang: ConsoleLang): string | undefined {
  const spans: [number, number][] = [];
  for (const r of ranges) {
    const [open, close] = [minutes(r.open), minutes(r.close)];
    if (open === undefined || close === undefined) return sayHours('timeMissing', {}, lang);
    const end = close === 0 ? 24 * 60 : close;
    if (end <= open) return sayHours('closesBeforeOpens', {}, lang);
    spans.push([open, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < spans.length; k++)
    if ((spans[k]?.[0] ?? 0) < (spans[k - 1]?.[1] ?? 0)) return sayHours('rangesOverlap', {}, lang);
  return undefined;
}

function holidayProblem(rows: readonly HolidayRow[], k: number, lang: ConsoleLang): string | undefined {
  const row = rows[k];
  if (!row) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date)) return sayHours('dateMissing', {}, lang);
  if (rows.findIndex((h) => h.date === row.date) < k) return sayHours('dateTwice', {}, lang);
  if (row.label.trim().length > FORM_LIMITS.label)
    return sayHours('labelTooLong', { max: FORM_LIMITS.label }, lang);
  return undefined;
}

/** What is wrong, by field; `hasProblems` is false when the form can be sent. */
export function checkHoursForm(form: HoursForm, lang: ConsoleLang): HoursProblems {
  const problems: HoursProblems = { days: {}, holidays: {} };
  if (form.timeZone.trim() === '') problems.timeZone = sayHours('zoneMissing', {}, lang);
  for (const day of WEEKDAYS) {
    const why = dayProblem(form.days[day], lang);
    if (why) problems.days[day] = why;
  }
  form.holidays.forEach((_, k) => {
    const why = holidayProblem(form.holidays, k, lang);
    if (why) problems.holidays[k] = why;
  });
  const ranges = WEEKDAYS.reduce((n, day) => n + form.days[day].length, 0);
  if (ranges > FORM_LIMITS.ranges)
    problems.form = sayHours('tooManyRanges', { max: FORM_LIMITS.ranges }, lang);
  else if (form.holidays.length > FORM_LIMITS.holidays)
    problems.form = sayHours('tooManyHolidays', { max: FORM_LIMITS.holidays }, lang);
  return problems;
}

export function hasProblems(p: HoursProblems): boolean {
  return (
    p.timeZone !== undefined ||
    p.form !== undefined ||
    Object.keys(p.days).length > 0 ||
    Object.keys(p.holidays).length > 0
  );
}

/**
 * The server's refusal (a sentence from domain/hours/schedule.ts) next to the field it names: the time
 * zone, a day ("Intervals on wed overlap"), the holidays; otherwise above the form.
 */
export function serverProblems(message: string, form: HoursForm): HoursProblems {
  const problems: HoursProblems = { days: {}, holidays: {} };
  const day = /\bon (mon|tue|wed|thu|fri|sat|sun)\b/.exec(message)?.[1] as Weekday | undefined;
  if (/time zone|timeZone/i.test(message)) problems.timeZone = message;
  else if (day) problems.days[day] = message;
  else if (/holiday/i.test(message) && form.holidays.length > 0) problems.holidays[0] = message;
  else problems.form = message;
  return problems;
}

// Edits, each returning a new form (the view keeps the form in state).

export const withRange = (form: HoursForm, day: Weekday): HoursForm => {
  const last = form.days[day].at(-1);
  // A new range starts where the last one closed, an hour long; the first one is a working day.
  const range =
    last && minutes(last.close) !== undefined && (minutes(last.close) ?? 0) < 23 * 60
      ? { open: last.close, close: hhmm((minutes(last.close) ?? 0) + 60) }
      : { open: '09:00', close: '17:00' };
  return { ...form, days: { ...form.days, [day]: [...form.days[day], range] } };
};

export const withoutRange = (form: HoursForm, day: Weekday, k: number): HoursForm => ({
  ...form,
  days: { ...form.days, [day]: form.days[day].filter((_, i) => i !== k) },
});

/** Where a time goes: the day, the range's index in it, and which end. */
export interface RangeEdge {
  day: Weekday;
  k: number;
  edge: keyof TimeRange;
}

export const withRangeTime = (form: HoursForm, { day, k, edge }: RangeEdge, time: string): HoursForm => ({
  ...form,
  days: { ...form.days, [day]: form.days[day].map((r, i) => (i === k ? { ...r, [edge]: time } : r)) },
});

export const withHoliday = (form: HoursForm): HoursForm => ({
  ...form,
  holidays: [...form.holidays, { date: '', label: '' }],
});

export const withoutHoliday = (form: HoursForm, k: number): HoursForm => ({
  ...form,
  holidays: form.holidays.filter((_, i) => i !== k),
});

export const withHolidayField = (
  form: HoursForm,
  k: number,
  field: keyof HolidayRow,
  value: string,
): HoursForm => ({
  ...form,
  holidays: form.holidays.map((h, i) => (i === k ? { ...h, [field]: value } : h)),
});

function hhmm(total: number): string {
  const h = Math.floor(total / 60);
  return `${String(h).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** "25 December" / "25 décembre": how a holiday is named in its remove button. */
export function holidayName(date: string, lang: ConsoleLang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return '';
  const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(instant);
}
