/**
 * Keeps the search index in step with new messages, off the message path (storage/search/
 * search-indexing.ts): on SQLite it indexes the messages past the index's high-water mark shortly after
 * they are created, many per transaction, so appends pay nothing; on PostgreSQL the insert already wrote
 * the terms and this only fills rows that have none (stored by a node on older code). Nothing is lost if
 * a node dies first: what is left is found from the store, by the next search (which indexes what is
 * left before it matches) and by the next start (Store.migrate()).
 */
import type { DomainEvent } from '../domain/events';
import type { Store } from '../storage/store';

/** Messages indexed per transaction. */
const BATCH = 1_000;
/** A burst of messages shares one drain; a search never waits for it (it drains what is left itself). */
export const SEARCH_INDEX_DELAY_MS = 500;

export class SearchIndexer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly store: Pick<Store, 'indexPendingMessages'>,
    private readonly onError: (err: unknown, what: string) => void,
    private readonly delayMs = SEARCH_INDEX_DELAY_MS,
  ) {}

  onEvent(event: DomainEvent): void {
    if (event.type === 'message.created') this.schedule();
  }

  /** Waits for a drain under way; what is still queued is left for another node or the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.running = this.drain().finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
    }, this.delayMs).unref();
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.store.indexPendingMessages(BATCH)) === BATCH);
    } catch (err) {
      this.onError(err, 'search indexing');
    }
  }
}
