/**
 * Satisfaction and business hours (issue 13): the visitor's rating of a resolved conversation, the
 * ratings listed for reports, an inbox's hours and what the widget is told of them.
 */
import { z } from 'zod';
import { SATISFACTION_LIMITS } from './satisfaction';

export { SATISFACTION_LIMITS };

const id = z.string().min(1).max(64);

/**
 * Visitor only: rate the conversation's latest resolution, 1 to 5, with an optional comment. Once per
 * resolution: a second rating of the same one is refused with `conflict` and changes nothing.
 */
export const rateFrame = z.object({
  type: z.literal('conversation.rate'),
  ref: z.string().min(1).max(64).optional(),
  conversationId: id,
  score: z.number().int().min(1).max(5),
  // Untrimmed text may be longer; the trimmed length is checked by the server.
  comment: z
    .string()
    .max(SATISFACTION_LIMITS.commentMax * 2)
    .optional(),
});

export const ratingSchema = z.object({
  id,
  conversationId: id,
  inboxId: id,
  /** Which resolution of the conversation was rated: 1 for the first, 2 after a reopen and a resolve… */
  resolution: z.number().int().min(1),
  score: z.number().int().min(1).max(5),
  comment: z.string(),
  createdAt: z.number().int(),
});

const instant = z.iso.datetime({ offset: true });

/** What ratings a report counts: one inbox, one agent (the conversation's assignee), a time range. */
const ratingsFilter = {
  inbox: id.optional(),
  /** The agent the rated conversation is assigned to. */
  agent: id.optional(),
  from: instant.optional(),
  to: instant.optional(),
};

/** GET /api/v1/ratings: `from`/`to` are ISO 8601 instants (rated at or after `from`, before `to`). */
export const ratingsQuery = z.object({
  ...ratingsFilter,
  conversation: id.optional(),
  limit: z.coerce.number().int().min(1).max(SATISFACTION_LIMITS.pageMax).default(50),
  /** `nextCursor` of the previous page, as it was given. */
  cursor: z.string().min(1).max(200).optional(),
});

export const ratingsResponse = z.object({
  ratings: z.array(ratingSchema),
  /** Pass as `cursor` for the next (older) page; null when this is the last. */
  nextCursor: z.string().nullable(),
});

/** GET /api/v1/ratings/summary (admins): the same filters as the list, no paging. */
export const ratingsSummaryQuery = z.object(ratingsFilter);

/** How many ratings, their average (null when none) and how many of each score, 1 to 5 in that order. */
export const ratingStatsSchema = z.object({
  count: z.number().int().min(0),
  average: z.number().min(1).max(5).nullable(),
  distribution: z.array(z.number().int().min(0)).length(5),
});

export const ratingsSummaryResponse = z.object({
  summary: ratingStatsSchema.extend({
    byInbox: z.array(ratingStatsSchema.extend({ inboxId: id })),
    /** By the rated conversation's assignee; null: rated while nobody was assigned to it. */
    byAgent: z.array(ratingStatsSchema.extend({ agentId: id.nullable() })),
  }),
});

const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const time = z.string().regex(/^\d{2}:\d{2}$/, 'a time as HH:MM');

/** An inbox's hours, in its zone's wall time; the server also refuses overlaps and unknown zones. */
export const scheduleSchema = z.object({
  timeZone: z.string().min(1).max(64),
  weekly: z.array(z.object({ day: weekday, open: time, close: time })).max(70),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')).max(400),
  /** Optional names of holidays ("Christmas"), by date; every date must be one of `holidays`. */
  holidayLabels: z
    .record(z.string().max(10), z.string().max(SATISFACTION_LIMITS.holidayLabelMax * 2))
    .optional(),
});

/** In the visitor's welcome: is the team open now, and if not, when it opens (ISO instant, or null: unknown). */
export const hoursStatusSchema = z.object({ open: z.boolean(), nextOpening: z.string().nullable() });

/**
 * GET/PUT /api/v1/inboxes/{id}/hours: null hours is always open. `status` (absent with null hours) says
 * whether the inbox is open at the time of the answer, as the widget's welcome would.
 */
export const inboxHoursResponse = z.object({
  hours: scheduleSchema.nullable(),
  status: hoursStatusSchema.optional(),
});
export const putInboxHoursBody = z.object({ hours: scheduleSchema.nullable() });
