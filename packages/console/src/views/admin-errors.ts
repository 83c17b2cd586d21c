/** How the admin page words a failed request, and the one failure that ends the session. */
import { ApiError } from '../api';
import { errorText } from '../error-text';
import { sayShell } from '../shell-text';

/** A 401: the cookie no longer signs us in, so the caller goes back to the login page. */
export function isSignedOut(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401;
}

/** `conflict` says what already exists; a 400 carries the server's readable reason. */
export function requestErrorText(err: unknown, conflict = sayShell('alreadyExists')): string {
  if (!(err instanceof ApiError)) return sayShell('requestFailed');
  if (err.code === 'conflict') return conflict;
  if (err.code === 'bad_frame') return err.message || sayShell('checkFields');
  return errorText(err.code, err.message);
}
