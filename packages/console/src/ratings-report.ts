/**
 * The ratings report's logic, pure: the filters (dates in the admin's own calendar, an inbox, an agent)
 * as the query of GET /api/v1/ratings and /ratings/summary, and the figures as the view words them.
 */
import type { ConsoleLang } from './console-text';
import { sayRatings } from './ratings-text';

export interface ReportFilters {
  /** 'YYYY-MM-DD' in the browser's calendar, or '' for no bound. */
  from: string;
  to: string;
  /** '' for every inbox / agent. */
  inboxId: string;
  agentId: string;
}

const DAY_MS = 86_400_000;

function isoDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The last 30 days, today included. */
export function defaultFilters(now = new Date()): ReportFilters {
  return { from: isoDay(new Date(now.getTime() - 29 * DAY_MS)), to: isoDay(now), inboxId: '', agentId: '' };
}

/** Midnight starting the day, in the browser's zone; undefined for anything but a real date. */
function startOf(day: string, plusDays = 0): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export function filterProblem(f: ReportFilters, lang: ConsoleLang): string | undefined {
  const [from, to] = [startOf(f.from), startOf(f.to)];
  return from && to && from > to ? sayRatings('fromAfterTo', {}, lang) : undefined;
}

/** URL parameters: `from` is the start of its day, `to` the end of its day (the next midnight). */
export function reportQuery(f: ReportFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  const from = startOf(f.from);
  const to = startOf(f.to, 1);
  if (from) params.set('from', from.toISOString());
  if (to) params.set('to', to.toISOString());
  if (f.inboxId) params.set('inbox', f.inboxId);
  if (f.agentId) params.set('agent', f.agentId);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

/** Each score's share of the ratings, in whole percents (0 when there is none). */
export function shares(distribution: readonly number[]): number[] {
  const total = distribution.reduce((a, b) => a + b, 0);
  return distribution.map((n) => (total === 0 ? 0 : Math.round((n / total) * 100)));
}

/** "4.33 / 5", "4,33 / 5" in French; a sentence when there is no rating. */
export function averageText(average: number | null, lang: ConsoleLang): string {
  if (average === null) return sayRatings('noAverage', {}, lang);
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 2,
  }).format(average);
  return sayRatings('averageOf', { average: number }, lang);
}

/** When a rating was left, in the admin's zone: "3 Dec 2026, 14:05". */
export function ratedAt(at: number, lang: ConsoleLang): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(at);
}

/** "4.33 / 5 · 12 ratings"; without ratings, only that there is none. */
export function headline(stats: { count: number; average: number | null }, lang: ConsoleLang): string {
  if (stats.count === 0) return averageText(null, lang);
  const count =
    stats.count === 1
      ? sayRatings('oneRating', {}, lang)
      : sayRatings('ratingsCount', { count: stats.count }, lang);
  return `${averageText(stats.average, lang)} · ${count}`;
}
