/**
 * Turns keystrokes into few `typing.update` frames: true at most every 2 s while typing (a keep-alive,
 * since the other side expires the indicator), false after 3 s idle or when the reply is sent.
 */
import type { Timers } from './connection';

export const TYPING_REPEAT_MS = 2000;
export const TYPING_IDLE_MS = 3000;

export class TypingSignal {
  private typing = false;
  private lastTrueAt = -Infinity;
  private idleTimer: unknown = null;

  constructor(
    readonly conversationId: string,
    private readonly emit: (typing: boolean) => void,
    private readonly clock: { now(): number; timers: Timers },
  ) {}

  /** Called on every input event. */
  input(): void {
    const now = this.clock.now();
    if (!this.typing || now - this.lastTrueAt >= TYPING_REPEAT_MS) {
      this.typing = true;
      this.lastTrueAt = now;
      this.emit(true);
    }
    this.clearIdle();
    this.idleTimer = this.clock.timers.setTimeout(() => {
      this.idleTimer = null;
      this.stop();
    }, TYPING_IDLE_MS);
  }

  /** On send, idle, or leaving the conversation. */
  stop(): void {
    this.clearIdle();
    if (!this.typing) return;
    this.typing = false;
    this.lastTrueAt = -Infinity;
    this.emit(false);
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) this.clock.timers.clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
