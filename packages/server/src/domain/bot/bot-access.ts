/**
 * Who may answer the bot (feedback, "Talk to a person"): the conversation's visitor alone. An agent is
 * refused plainly; another visitor gets `not_found`, as for any conversation not theirs.
 */
import { assertCanRead, type ConversationHome } from '../access';
import { DomainError } from '../errors';
import type { Actor } from '../types';

export function assertMayAnswerBot(actor: Actor, home: ConversationHome | undefined): void {
  if (actor.kind !== 'visitor') throw new DomainError('forbidden', 'Only the visitor answers the bot.');
  if (home === undefined) throw new DomainError('not_found', 'No such conversation.');
  assertCanRead(actor, home);
}
