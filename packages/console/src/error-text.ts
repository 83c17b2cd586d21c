/** What an agent reads when the server refuses something; codes are stable, server messages are not. */
import { LIMITS } from '@candor/protocol';
import type { ErrorCode } from '@candor/protocol';
import { sayShell, type ShellTextKey } from './shell-text';

const TEXT: Partial<Record<ErrorCode, ShellTextKey>> = {
  unauthenticated: 'errorUnauthenticated',
  forbidden: 'errorForbidden',
  not_found: 'errorNotFound',
  too_large: 'errorTooLarge',
  rate_limited: 'errorRateLimited',
  unavailable: 'errorUnavailable',
  internal: 'errorInternal',
};

export function errorText(code: ErrorCode | 'network', serverMessage: string): string {
  if (code === 'network') return sayShell('errorNetwork');
  const key = TEXT[code];
  // The server's own message is English-only: shown only for codes we have no words for.
  return key ? sayShell(key, { max: LIMITS.messageBodyMax }) : serverMessage || sayShell('errorRefused');
}
