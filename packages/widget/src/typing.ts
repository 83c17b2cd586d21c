/**
 * Typing indicators both ways. Outgoing: `true` at most every 2 s while keys are pressed, `false` after
 * 3 s of quiet or when the draft is sent or cleared. Incoming: a flag that expires after 6 s without a
 * refresh, so a lost `typing: false` cannot leave "Agent is typing…" on screen for good.
 */
export const TYPING_THROTTLE_MS = 2000;
export const TYPING_IDLE_MS = 3000;
export const TYPING_EXPIRY_MS = 6000;

export interface TypingSignal {
  /** The draft changed; an empty draft counts as stopping. */
  input(draft: string): void;
  stop(): void;
}

export function createTypingSignal(send: (typing: boolean) => void): TypingSignal {
  let lastTrueAt = -Infinity;
  let active = false;
  let idle: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    clearTimeout(idle);
    if (!active) return;
    active = false;
    lastTrueAt = -Infinity;
    send(false);
  }

  return {
    input(draft) {
      if (!draft.trim()) return stop();
      const now = Date.now();
      if (now - lastTrueAt >= TYPING_THROTTLE_MS) {
        lastTrueAt = now;
        active = true;
        send(true);
      }
      clearTimeout(idle);
      idle = setTimeout(stop, TYPING_IDLE_MS);
    },
    stop,
  };
}

export interface Expiring<T> {
  readonly value: T | null;
  set(value: T | null): void;
}

/** A value that reverts to null `ms` after it was last set, calling `onChange` when it does. */
export function createExpiring<T>(ms: number, onChange: () => void): Expiring<T> {
  let value: T | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    get value() {
      return value;
    },
    set(next) {
      clearTimeout(timer);
      value = next;
      if (next !== null)
        timer = setTimeout(() => {
          value = null;
          onChange();
        }, ms);
    },
  };
}
