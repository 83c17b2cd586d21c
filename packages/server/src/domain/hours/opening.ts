/**
 * Is the team open, and when does it open next: pure functions of a schedule and an instant, in the
 * schedule's wall time, so a daylight-saving change moves the instants and never the opening hours.
 */
import { minutesOf, type Schedule } from './schedule';
import { addDays, instantOf, wallTime, type WallTime } from './zone-clock';

/** How far ahead nextOpening looks: past a year of holidays and then some. */
const LOOKAHEAD_DAYS = 400;

function openAt(schedule: Schedule, wall: WallTime): boolean {
  if (schedule.holidays.includes(wall.date)) return false;
  return schedule.weekly.some(
    (i) =>
      i.day === wall.day &&
      (minutesOf(i.open) ?? Infinity) <= wall.minutes &&
      wall.minutes < (minutesOf(i.close) ?? -Infinity),
  );
}

export function isOpen(schedule: Schedule, now: number): boolean {
  return openAt(schedule, wallTime(schedule.timeZone, now));
}

/**
 * The first instant at or after `now` when the team is open (`now` itself when open); undefined when the
 * schedule never opens (no intervals, or holidays on every open day of the coming year).
 */
export function nextOpening(schedule: Schedule, now: number): number | undefined {
  if (isOpen(schedule, now)) return now;
  const today = wallTime(schedule.timeZone, now).date;
  for (let k = 0; k <= LOOKAHEAD_DAYS; k++) {
    const date = addDays(today, k);
    if (schedule.holidays.includes(date)) continue;
    const day = wallTime(schedule.timeZone, instantOf(schedule.timeZone, date, 12 * 60)).day;
    const opens = schedule.weekly
      .filter((i) => i.day === day)
      .map((i) => instantOf(schedule.timeZone, date, minutesOf(i.open) ?? 0))
      .filter((t) => t > now)
      .sort((a, b) => a - b);
    if (opens[0] !== undefined) return opens[0];
  }
  return undefined;
}
