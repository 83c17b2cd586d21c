/**
 * How long a visitor's token lasts. A token is rotated on every resume (a new one in each welcome), so
 * one copied from a browser's storage stops working once its owner comes back. It expires after an idle
 * time: the visitor who has not come back within it starts afresh, as a new visitor.
 *
 * The token just replaced stays valid for a short grace: two tabs of one browser resuming at once both
 * send the same token (the second one before the first has saved its replacement), and a welcome lost
 * with a dropped connection leaves the widget holding the old one. Without the grace, either would
 * silently turn a returning visitor into a stranger and hide their conversation. Five minutes covers a
 * reconnect's backoff many times over while keeping a stolen old token useful only briefly.
 */
export const PREVIOUS_TOKEN_GRACE_MS = 5 * 60_000;

export const DEFAULT_VISITOR_TOKEN_IDLE_DAYS = 30;
export const DEFAULT_VISITOR_TOKEN_IDLE_MS = DEFAULT_VISITOR_TOKEN_IDLE_DAYS * 86_400_000;

/** What a resume at `now` accepts: a current token used after `usedAfter`; a previous one until `now`. */
export interface TokenWindow {
  now: number;
  usedAfter: number;
  /** Until when the token being replaced now stays valid. */
  previousUntil: number;
}

export function tokenWindow(now: number, idleMs: number): TokenWindow {
  return { now, usedAfter: now - idleMs, previousUntil: now + PREVIOUS_TOKEN_GRACE_MS };
}
