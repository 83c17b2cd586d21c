/**
 * One conversation's messages as pure functions: merged by seq (ascending, no duplicates) whatever order
 * and overlap history pages, live frames and acks arrive in.
 */
import type { Message } from '@candor/protocol';

export interface Timeline {
  readonly messages: readonly Message[];
  /**
   * The seq through which this copy is known to be gap-free: the `afterSeq` for the next subscribe. It
   * moves only on history and on live frames while subscribed, because an ack for a conversation we are
   * not streaming could sit past a gap, and resuming after it would skip the gap forever.
   */
  readonly syncedSeq: number;
  /** The first history has been received in full, so an empty list means "no messages", not "loading". */
  readonly loaded: boolean;
}

export const emptyTimeline: Timeline = { messages: [], syncedSeq: 0, loaded: false };

export function lastSeq(messages: readonly Message[]): number {
  return messages[messages.length - 1]?.seq ?? 0;
}

export function mergeMessages(held: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  if (incoming.length === 0) return held;
  // The common case is appending the next live message; avoid a full rebuild for it.
  const first = incoming[0];
  if (incoming.length === 1 && first && first.seq > lastSeq(held)) return [...held, first];
  const bySeq = new Map<number, Message>();
  for (const m of held) bySeq.set(m.seq, m);
  let added = 0;
  for (const m of incoming) {
    if (bySeq.has(m.seq)) continue;
    bySeq.set(m.seq, m);
    added += 1;
  }
  // Unchanged keeps its identity, so a replayed duplicate does not re-render the log.
  if (added === 0) return held;
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** A `conversation.history` page: contiguous after the requested seq, so it extends the gap-free mark. */
export function applyHistory(timeline: Timeline, messages: readonly Message[], complete: boolean): Timeline {
  return {
    messages: mergeMessages(timeline.messages, messages),
    syncedSeq: Math.max(timeline.syncedSeq, lastSeq(messages)),
    loaded: timeline.loaded || complete,
  };
}

/** A single message from a live frame (`subscribed`) or an ack (not gap-free: see `syncedSeq`). */
export function applyMessage(timeline: Timeline, message: Message, subscribed: boolean): Timeline {
  const messages = mergeMessages(timeline.messages, [message]);
  const syncedSeq = subscribed ? Math.max(timeline.syncedSeq, message.seq) : timeline.syncedSeq;
  if (messages === timeline.messages && syncedSeq === timeline.syncedSeq) return timeline;
  return { ...timeline, messages, syncedSeq };
}
