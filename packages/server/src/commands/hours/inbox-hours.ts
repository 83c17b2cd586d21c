/**
 * An inbox's business hours: read and set by REST (admins set them), and what a visitor's welcome says
 * of them. The rules are domain/hours/; the schedule is kept as JSON text (migration 0015).
 */
import type { HoursStatus, InboxHoursResponse, Schedule } from '@candor/protocol';
import { scheduleSchema } from '@candor/protocol/schemas';
import { assertAdmin } from '../../domain/access';
import { DomainError } from '../../domain/errors';
import { isOpen, nextOpening } from '../../domain/hours/opening';
import { keptHolidayLabels, scheduleProblem } from '../../domain/hours/schedule';
import type { Actor } from '../../domain/types';
import type { ChatContext } from '../context';

async function assertInbox(ctx: ChatContext, actor: Actor, inboxId: string): Promise<void> {
  const known = (await ctx.store.listInboxes()).some((i) => i.id === inboxId);
  // Agents of another inbox learn nothing of it, not even that it exists.
  const member = actor.kind === 'agent' && (actor.role === 'admin' || actor.inboxIds.includes(inboxId));
  if (!known || !member) throw new DomainError('not_found', 'No such inbox.');
}

async function storedHours(ctx: ChatContext, inboxId: string): Promise<Schedule | null> {
  const json = await ctx.store.inboxHours(inboxId);
  if (json === undefined) return null;
  const parsed = scheduleSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export async function readInboxHours(
  ctx: ChatContext,
  actor: Actor,
  inboxId: string,
): Promise<Schedule | null> {
  await assertInbox(ctx, actor, inboxId);
  return storedHours(ctx, inboxId);
}

/** null: no hours (always open). Refuses with a sentence saying what is wrong, storing nothing. */
export async function setInboxHours(
  ctx: ChatContext,
  actor: Actor,
  inboxId: string,
  hours: Schedule | null,
): Promise<Schedule | null> {
  assertAdmin(actor);
  await assertInbox(ctx, actor, inboxId);
  if (hours) {
    const problem = scheduleProblem(hours);
    if (problem) throw new DomainError('bad_frame', problem);
  }
  const labels = hours ? keptHolidayLabels(hours) : undefined;
  const stored = hours && {
    timeZone: hours.timeZone,
    weekly: hours.weekly,
    holidays: [...new Set(hours.holidays)],
    ...(labels ? { holidayLabels: labels } : {}),
  };
  await ctx.store.setInboxHours(inboxId, JSON.stringify(stored), ctx.now());
  return stored;
}

function statusAt(schedule: Schedule, now: number): HoursStatus {
  if (isOpen(schedule, now)) return { open: true, nextOpening: null };
  const next = nextOpening(schedule, now);
  return { open: false, nextOpening: next === undefined ? null : new Date(next).toISOString() };
}

/** For the visitor's welcome: undefined when the inbox has no hours (always open, nothing to say). */
export async function hoursStatus(ctx: ChatContext, inboxId: string): Promise<HoursStatus | undefined> {
  const schedule = await storedHours(ctx, inboxId);
  return schedule ? statusAt(schedule, ctx.now()) : undefined;
}

/** The REST answer: the hours and, when there are some, whether the inbox is open now. */
export function hoursView(ctx: ChatContext, hours: Schedule | null): InboxHoursResponse {
  return hours ? { hours, status: statusAt(hours, ctx.now()) } : { hours };
}
