/**
 * The outbox survives a reload: messages typed offline are still sent, with their original keys.
 * What is read back is checked field by field, since another version of the widget may have written it.
 */
import type { ErrorCode } from '@candor/protocol';
import type { Store } from './storage';
import type { OutboxEntry } from './timeline';

const KEY = 'outbox';

export function loadOutbox(store: Store): OutboxEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(store.get(KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e: unknown): OutboxEntry[] => {
    if (typeof e !== 'object' || e === null) return [];
    const r = e as Record<string, unknown>;
    if (typeof r.clientKey !== 'string' || typeof r.body !== 'string') return [];
    const entry: OutboxEntry = {
      clientKey: r.clientKey,
      body: r.body,
      createdAt: typeof r.createdAt === 'number' ? r.createdAt : 0,
    };
    if (typeof r.failed === 'string') entry.failed = r.failed as ErrorCode;
    return [entry];
  });
}

export function saveOutbox(store: Store, outbox: readonly OutboxEntry[]): void {
  if (outbox.length) store.set(KEY, JSON.stringify(outbox));
  else store.remove(KEY);
}
