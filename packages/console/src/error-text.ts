/** What an agent reads when the server refuses something; codes are stable, server messages are not. */
import { LIMITS } from '@candor/protocol';
import type { ErrorCode } from '@candor/protocol';

const TEXT: Partial<Record<ErrorCode, string>> = {
  unauthenticated: 'Your session has ended. Sign in again.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'This conversation no longer exists.',
  too_large: `Too long: at most ${LIMITS.messageBodyMax} characters.`,
  rate_limited: 'Too many requests. Wait a moment, then retry.',
  unavailable: 'The server could not save this. Retry in a moment.',
  internal: 'Something went wrong on the server. Retry in a moment.',
};

export function errorText(code: ErrorCode | 'network', serverMessage: string): string {
  if (code === 'network') return 'Cannot reach the server. Check your connection.';
  return TEXT[code] ?? (serverMessage || 'Request refused.');
}
