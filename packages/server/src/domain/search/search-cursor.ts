/**
 * A search page's cursor as the client holds it: opaque (base64url of the last conversation's
 * updatedAt and id), read back strictly, since it comes back from the client as any input does.
 */
import { DomainError } from '../errors';

export interface Cursor {
  updatedAt: number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify([cursor.updatedAt, cursor.id]))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

export function decodeCursor(text: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(atob(text.replaceAll('-', '+').replaceAll('_', '/')));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [updatedAt, id] = parsed as unknown[];
      if (Number.isSafeInteger(updatedAt) && typeof id === 'string' && id.length > 0 && id.length <= 64)
        return { updatedAt: updatedAt as number, id };
    }
  } catch {
    // Falls through to the error below: a cursor that is not ours is refused the same way.
  }
  throw new DomainError('bad_frame', 'Invalid search cursor');
}
