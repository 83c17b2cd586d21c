/**
 * Which conversations are recovery conversations, for the `recovery: true` of every view. Read on every
 * message, so cached per node: a conversation's mark never changes, and its case row is written before
 * the conversation exists (start-recovery.ts), so no node can ever have cached a wrong "no".
 */
import type { Store } from '../../storage/store';
import type { ChatContext } from '../context';

const MAX_KEPT = 50_000;
const caches = new WeakMap<Store, Map<string, boolean>>();

function cacheOf(store: Store): Map<string, boolean> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map<string, boolean>()));
  return cache;
}

/** The ids among these that are recovery conversations: one store read for those not cached. */
export async function recoveryIds(ctx: ChatContext, ids: readonly string[]): Promise<Set<string>> {
  const cache = cacheOf(ctx.store);
  const unknown = ids.filter((id) => !cache.has(id));
  const found = unknown.length > 0 ? await ctx.store.recoveryConversationIds(unknown) : new Set<string>();
  if (cache.size + unknown.length > MAX_KEPT) cache.clear(); // bounded; refilled on demand
  for (const id of unknown) cache.set(id, found.has(id));
  return new Set(ids.filter((id) => cache.get(id) === true || found.has(id)));
}

export async function isRecoveryConversation(ctx: ChatContext, conversationId: string): Promise<boolean> {
  const cached = cacheOf(ctx.store).get(conversationId);
  if (cached !== undefined) return cached;
  return (await recoveryIds(ctx, [conversationId])).has(conversationId);
}

/** The node that opened it knows at once, before its first view is built. */
export function noteRecoveryConversation(ctx: ChatContext, conversationId: string): void {
  cacheOf(ctx.store).set(conversationId, true);
}
