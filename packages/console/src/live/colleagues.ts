/**
 * Other agents in a conversation, for collision warnings: who is viewing it and who is typing a reply.
 * Each entry expires unless said again (the other console repeats `viewing: true` every
 * VIEW_REPEAT_MS and `typing: true` every 2 s), so a colleague whose node died does not stay forever.
 */
import type { Timers } from './connection';

export interface Colleague {
  readonly id: string;
  readonly name: string;
}

/** Per conversation, the colleagues present, in the order they arrived. */
export type Colleagues = Readonly<Record<string, readonly Colleague[]>>;

export const VIEW_REPEAT_MS = 30_000;
/** Two repeats missed, and some slack for a slow network. */
export const VIEW_TTL_MS = 75_000;
export const AGENT_TYPING_TTL_MS = 6000;

export class ColleaguePresence {
  private readonly expiry = new Map<string, unknown>();
  private present: Colleagues = {};

  constructor(
    private readonly timers: Timers,
    private readonly ttlMs: number,
    /** Called only on a change, so a repeated `true` does not re-render. */
    private readonly changed: (present: Colleagues) => void,
  ) {}

  set(conversationId: string, colleague: Colleague, on: boolean): void {
    const key = `${conversationId}\n${colleague.id}`;
    const handle = this.expiry.get(key);
    if (handle !== undefined) this.timers.clearTimeout(handle);
    this.expiry.delete(key);
    if (on) {
      const expire = () => {
        this.expiry.delete(key);
        this.update(conversationId, colleague, false);
      };
      this.expiry.set(key, this.timers.setTimeout(expire, this.ttlMs));
    }
    this.update(conversationId, colleague, on);
  }

  /** Forgets everyone (disconnected: the server says it all again after the next welcome). */
  clear(): void {
    for (const handle of this.expiry.values()) this.timers.clearTimeout(handle);
    this.expiry.clear();
    if (Object.keys(this.present).length === 0) return;
    this.present = {};
    this.changed(this.present);
  }

  private update(conversationId: string, colleague: Colleague, on: boolean): void {
    const held = this.present[conversationId] ?? [];
    const at = held.findIndex((c) => c.id === colleague.id);
    let next: readonly Colleague[];
    if (on) {
      if (at >= 0 && held[at]?.name === colleague.name) return;
      next = at >= 0 ? held.map((c, i) => (i === at ? colleague : c)) : [...held, colleague];
    } else {
      if (at < 0) return;
      next = held.filter((_, i) => i !== at);
    }
    const { [conversationId]: _dropped, ...rest } = this.present;
    this.present = next.length > 0 ? { ...rest, [conversationId]: next } : rest;
    this.changed(this.present);
  }
}
