/**
 * The visitor side of "is typing", with expiry: a `typing: false` lost with a closed tab or a dropped
 * socket must not leave "Visitor is typing…" on forever. The widget repeats `true` while typing.
 */
import type { Timers } from './connection';

export const VISITOR_TYPING_TTL_MS = 6000;

export class VisitorTyping {
  private readonly expiry = new Map<string, unknown>();

  constructor(
    private readonly timers: Timers,
    /** Called only on a change, so a refresh of `true` does not re-render. */
    private readonly changed: (conversationId: string, typing: boolean) => void,
  ) {}

  set(conversationId: string, typing: boolean): void {
    const handle = this.expiry.get(conversationId);
    const was = handle !== undefined;
    if (was) this.timers.clearTimeout(handle);
    this.expiry.delete(conversationId);
    if (typing) {
      const expire = () => {
        this.expiry.delete(conversationId);
        this.changed(conversationId, false);
      };
      this.expiry.set(conversationId, this.timers.setTimeout(expire, VISITOR_TYPING_TTL_MS));
    }
    if (was !== typing) this.changed(conversationId, typing);
  }

  /** Forgets everyone without notifying: the caller resets its own view (e.g. on disconnect). */
  clear(): void {
    for (const handle of this.expiry.values()) this.timers.clearTimeout(handle);
    this.expiry.clear();
  }
}
