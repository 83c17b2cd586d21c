/**
 * Whether a conversation carries the recovery mark (the visitor asked for account recovery). Read only
 * for agent messages that are held (commands/send-message.ts), so ordinary messages never pay for it.
 * An object, not a bare function, so the recovery store can be plugged in at one place (and a test can
 * stand in for it with node:test's mock.method).
 */
import type { ChatContext } from '../context';

export const recoveryMark = {
  /** Until the recovery cases' store is merged, no conversation is a recovery conversation. */
  isRecoveryConversation(_ctx: ChatContext, _conversationId: string): Promise<boolean> {
    return Promise.resolve(false);
  },
};
