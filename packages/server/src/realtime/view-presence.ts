/**
 * Which conversations one agent socket has open, announced to the other agents following them
 * (`viewing.changed` on the conversation topic; `ClientConnection.deliver` keeps it from visitors).
 * Nothing is stored: a socket that goes says false for everything it had open, and the console
 * repeats true while a conversation stays open, so a viewer whose node died expires on its own.
 */
import type { DomainEvent } from '../domain/events';

type Emit = (event: DomainEvent) => void;

export class ViewPresence {
  private readonly open = new Set<string>();

  constructor(
    private readonly emit: Emit,
    private readonly agent: { id: string; name: string },
  ) {}

  has(conversationId: string): boolean {
    return this.open.has(conversationId);
  }

  /** True is said again each time (the console's refresh); false only if it was open. */
  set(conversationId: string, viewing: boolean): void {
    if (viewing) this.open.add(conversationId);
    else if (!this.open.delete(conversationId)) return;
    this.say(conversationId, viewing, false);
  }

  /** Another agent arrived: tell them we are here too. */
  answer(conversationId: string): void {
    if (this.open.has(conversationId)) this.say(conversationId, true, true);
  }

  /** The socket unsubscribed from the conversation, or closed (every one). */
  leave(conversationId?: string): void {
    const ids = conversationId === undefined ? [...this.open] : [conversationId];
    for (const id of ids) this.set(id, false);
  }

  private say(conversationId: string, viewing: boolean, answer: boolean): void {
    this.emit({
      type: 'viewing.changed',
      conversationId,
      agent: this.agent,
      viewing,
      ...(answer ? { answer } : {}),
    });
  }
}
