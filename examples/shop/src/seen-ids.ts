/**
 * Webhook ids already handled. Deliveries are at least once (Candor tries again until it gets a 2xx,
 * with the same `webhook-id`), so the receiver remembers the ids it acted on and acknowledges a repeat
 * without acting twice. In memory and bounded here; a real shop keeps them in its database, beside the
 * change they caused, so both are written together.
 */
export class SeenIds {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 10_000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.add(id);
    // A Set keeps insertion order: the oldest goes first.
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as string);
  }
}
