/**
 * Whether a conversation carries the recovery mark (the visitor asked for account recovery). Read only
 * for agent messages that are held (commands/send-message.ts), so ordinary messages never pay for it.
 * An object, not a bare function, so a test can stand in for it with node:test's mock.method.
 */
import type { ChatContext } from '../context';
import { isRecoveryConversation } from './recovery-marks';

export const recoveryMark = {
  isRecoveryConversation(ctx: ChatContext, conversationId: string): Promise<boolean> {
    return isRecoveryConversation(ctx, conversationId);
  },
};
