import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from '../auth/agent-sessions';

/** The session token from a raw Cookie header (the WebSocket upgrade has no framework around it). */
export function sessionTokenOf(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE)
      return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
