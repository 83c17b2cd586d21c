/**
 * What becomes of an agent message that asks for or holds a password or a code (secret-request.ts): held
 * back with a warning the agent may override after reading it, except in a recovery conversation, where
 * the stakes are an account and the person pushing for a code is the attack: there it is never sent.
 */
import type { HeldBecause } from './secret-request';

export type HeldDecision =
  | { send: true }
  /** `final`: no acknowledgement can send it (a recovery conversation). */
  | { send: false; final: boolean; warning: string };

const WHY: Record<HeldBecause, string> = {
  asks_for_secret: 'This message asks the customer for a password or a code.',
  contains_secret: 'This message seems to contain a password or a code.',
};

export function decideHeld(
  reason: HeldBecause | undefined,
  context: { acknowledged: boolean; recovery: boolean },
): HeldDecision {
  if (reason === undefined) return { send: true };
  if (context.recovery)
    return {
      send: false,
      final: true,
      warning: `Not sent. ${WHY[reason]} In an account-recovery conversation no message may ask for or give one: ask Candor to send a code, and the customer types it in the secure field, never in the chat.`,
    };
  if (context.acknowledged) return { send: true };
  return {
    send: false,
    final: false,
    warning: `Held back, not sent. ${WHY[reason]} Support never needs a customer's password or one-time code, and someone pushing you to get or give one may be trying to take over an account. Send it anyway only if you are sure it is safe.`,
  };
}
