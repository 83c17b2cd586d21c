import type { ErrorCode } from '@candor/protocol';

/** A rule said no. Carries the wire error code, so transports report it without translating. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For limits: when the same request may succeed (sent as `retryAfterMs` and HTTP Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** message_held, with why: the wire carries the reason beside the English warning (`heldBecause`). */
export class HeldMessageError extends DomainError {
  constructor(
    message: string,
    readonly heldBecause: 'asks_for_secret' | 'contains_secret',
  ) {
    super('message_held', message);
  }
}
