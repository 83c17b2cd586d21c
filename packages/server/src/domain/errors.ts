import type { ErrorCode } from '@candor/protocol';

/** A rule said no. Carries the wire error code, so transports report it without translating. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
