import { randomUUID } from 'node:crypto';
import type { VisitorRecord } from '../domain/types';
import { visitorNameFor } from '../domain/visitor-name';
import type { Store } from '../storage/store';
import { hashToken, newToken } from './tokens';

/**
 * Anonymous visitors: the browser keeps a server-issued token; the server keeps only its hash.
 * An unknown or missing token gets a new visitor (and the new token, returned once).
 */
export async function identifyVisitor(
  store: Store,
  token: string | undefined,
  options: { locale: string | null; now: number; beforeCreate?: () => Promise<void> },
): Promise<{ visitor: VisitorRecord; newToken?: string }> {
  if (token) {
    const visitor = await store.findVisitorByTokenHash(hashToken(token));
    if (visitor) {
      await store.markVisitorSeen(visitor.id, options.now); // in use: not to be purged
      return { visitor };
    }
  }
  // A new visitor is a new row: the caller may refuse it (a limit per address) before it is written.
  await options.beforeCreate?.();
  const id = randomUUID();
  const fresh = newToken();
  const visitor: VisitorRecord = {
    id,
    name: visitorNameFor(id),
    locale: options.locale,
    createdAt: options.now,
  };
  await store.createVisitor({ ...visitor, tokenHash: hashToken(fresh) });
  return { visitor, newToken: fresh };
}
