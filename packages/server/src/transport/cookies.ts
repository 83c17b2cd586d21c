import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from '../auth/agent-sessions';

/** The session token from a raw Cookie header (the WebSocket upgrade has no framework around it). */
export function sessionTokenOf(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return decoded(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** A malformed %-escape is a wrong cookie (401), not a server error: undefined, as if there were none. */
function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
