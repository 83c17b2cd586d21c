/** Limits of ratings (issue 13). Browser-safe, so the widget refuses early with the server's numbers. */
export const SATISFACTION_LIMITS = {
  /** Characters in a rating's comment, after trimming. */
  commentMax: 1000,
  /** Ratings in one page of GET /api/v1/ratings. */
  pageMax: 200,
  /** Characters in a holiday's label, after trimming. */
  holidayLabelMax: 60,
} as const;
