/** One client's copy of a conversation's messages, merged by seq as the protocol asks. */
import type { Message } from '@candor/protocol';

export class ConversationView {
  readonly bySeq = new Map<number, { id: string; body: string }>();
  /** The highest seq held with every seq below it: what to subscribe after. */
  high = 0;

  /** Keeps the message; returns a description if another message already holds its seq. */
  add(message: Message): string | undefined {
    const held = this.bySeq.get(message.seq);
    if (held) {
      return held.id === message.id && held.body === message.body
        ? undefined
        : `seq ${message.seq} of ${message.conversationId} seen as two messages (${held.id}, ${message.id})`;
    }
    this.bySeq.set(message.seq, { id: message.id, body: message.body });
    while (this.bySeq.has(this.high + 1)) this.high++;
    return undefined;
  }
}
