import { randomUUID } from 'node:crypto';
import type { VisitorRecord } from '../domain/types';
import { visitorNameFor } from '../domain/visitor-name';
import { tokenWindow } from '../domain/visitor-tokens';
import type { Store } from '../storage/store';
import { hashToken, newToken } from './tokens';

/**
 * Anonymous visitors: the browser keeps a server-issued token; the server keeps only its hash. A valid
 * token is rotated: the visitor gets a new one in every welcome, and the old one lapses after a short
 * grace (domain/visitor-tokens.ts). An unknown, idle or lapsed token, or none, gets a new visitor.
 */
export async function identifyVisitor(
  store: Store,
  token: string | undefined,
  options: { locale: string | null; now: number; idleMs: number; beforeCreate?: () => Promise<void> },
): Promise<{ visitor: VisitorRecord; newToken: string }> {
  const fresh = newToken();
  if (token) {
    const visitor = await store.rotateVisitorToken(
      { tokenHash: hashToken(token), newTokenHash: hashToken(fresh) },
      tokenWindow(options.now, options.idleMs),
    );
    if (visitor) {
      await store.markVisitorSeen(visitor.id, options.now); // in use: not to be purged
      return { visitor, newToken: fresh };
    }
  }
  // A new visitor is a new row: the caller may refuse it (a limit per address) before it is written.
  await options.beforeCreate?.();
  const id = randomUUID();
  const visitor: VisitorRecord = {
    id,
    name: visitorNameFor(id),
    locale: options.locale,
    createdAt: options.now,
  };
  await store.createVisitor({ ...visitor, tokenHash: hashToken(fresh) });
  return { visitor, newToken: fresh };
}
