/**
 * The queue: open, unassigned conversations wait in order, higher priority first, then whoever has
 * waited longest. Position is 1-based.
 */

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const DEFAULT_PRIORITY: Priority = 'normal';

/** Stored beside the name so the store can order by it: higher waits less. */
export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

export interface Waiting {
  id: string;
  priority: Priority;
  /** When it started waiting: created, or put back in the queue (unassigned, transferred to a team). */
  waitingSince: number;
}

export function compareQueued(a: Waiting, b: Waiting): number {
  return (
    priorityRank(b.priority) - priorityRank(a.priority) ||
    a.waitingSince - b.waitingSince ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function queueOrder<T extends Waiting>(waiting: readonly T[]): T[] {
  return [...waiting].sort(compareQueued);
}

/** 1 for the next one served; null when it is not waiting. */
export function queuePosition(order: readonly string[], conversationId: string): number | null {
  const index = order.indexOf(conversationId);
  return index < 0 ? null : index + 1;
}
