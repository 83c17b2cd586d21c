import type { ErrorCode } from '@candor/protocol';
import { DomainError, HeldMessageError } from '../domain/errors';
import { StoreConflictError, StoreInvalidInputError, StoreUnavailableError } from '../storage/store';
import { StoreNotFoundError } from '../storage/not-found-error';

/** Any thrown error -> what the client is told. Unknown errors say nothing of their internals. */
export function errorCodeOf(err: unknown): {
  code: ErrorCode;
  message: string;
  retryAfterMs?: number;
  heldBecause?: HeldMessageError['heldBecause'];
} {
  if (err instanceof HeldMessageError)
    return { code: err.code, message: err.message, heldBecause: err.heldBecause };
  if (err instanceof DomainError) {
    const { code, message, retryAfterMs } = err;
    return retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs };
  }
  if (err instanceof StoreUnavailableError) {
    return { code: 'unavailable', message: 'Storage is unavailable; nothing was saved. Try again.' };
  }
  if (err instanceof StoreInvalidInputError) {
    return { code: 'bad_frame', message: 'The request holds a value that cannot be stored.' };
  }
  if (err instanceof StoreConflictError) return { code: 'conflict', message: 'That already exists.' };
  if (err instanceof StoreNotFoundError) return { code: 'not_found', message: 'Not found.' };
  return { code: 'internal', message: 'Something went wrong; nothing was saved. Try again.' };
}
