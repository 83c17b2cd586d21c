/**
 * A set that nearly always holds zero or one item (a visitor socket's one topic, a topic's one
 * watcher), kept without a Set until a second item arrives. An empty Set costs about 200 bytes of
 * heap, and there is one per idle socket; items are never Sets themselves.
 */
export type OneOrMany<T> = T | Set<T> | undefined;

export function withItem<T>(items: OneOrMany<T>, item: T): OneOrMany<T> {
  if (items === undefined || items === item) return item;
  if (items instanceof Set) return items.add(item);
  return new Set([items, item]);
}

/** The items without `item`; a Set left with one item gives way to that item. */
export function withoutItem<T>(items: OneOrMany<T>, item: T): OneOrMany<T> {
  if (!(items instanceof Set)) return items === item ? undefined : items;
  items.delete(item);
  if (items.size > 1) return items;
  // Deleting in place keeps a loop over this Set (a dispatch in progress) correct.
  for (const last of items) return last;
  return undefined;
}

export function hasItem<T>(items: OneOrMany<T>, item: T): boolean {
  return items instanceof Set ? items.has(item) : items === item;
}

/** A copy to loop over, safe against changes made by the loop body. */
export function itemsOf<T>(items: OneOrMany<T>): T[] {
  if (items === undefined) return [];
  return items instanceof Set ? [...items] : [items];
}
