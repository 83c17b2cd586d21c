/**
 * Private notes: agents write them in a conversation for colleagues. They are not messages: no seq, no
 * place in the visitor's history, and `note.created` is delivered to agents' sockets only.
 */
import { randomUUID } from 'node:crypto';
import { redact, type Note } from '@candor/protocol';
import type { NoteRecord } from '../domain/agent-tools-types';
import { DomainError } from '../domain/errors';
import { normaliseBody } from '../domain/message-body';
import type { Actor } from '../domain/types';
import type { ChatContext } from './context';
import { loadReadable } from './load-conversation';

/** Notes (and trail lines) returned by one read: the latest ones. */
export const NOTES_PAGE_MAX = 500;

/** Notes are for agents of the conversation's inbox; to anyone else the conversation does not exist. */
export async function loadForAgent(ctx: ChatContext, actor: Actor, conversationId: string) {
  if (actor.kind !== 'agent') throw new DomainError('not_found', 'No such conversation.');
  return { actor, conversation: await loadReadable(ctx, actor, conversationId) };
}

export async function addNote(
  ctx: ChatContext,
  actor: Actor,
  input: { conversationId: string; body: string },
): Promise<Note> {
  const { actor: agent, conversation } = await loadForAgent(ctx, actor, input.conversationId);
  // Masked like a message: an agent pasting a customer's card number must not keep it in a note.
  const { text: body } = redact(normaliseBody(input.body), ctx.settings.compiledRules);
  const record: NoteRecord = {
    id: randomUUID(),
    conversationId: conversation.id,
    authorId: agent.agentId,
    body,
    createdAt: ctx.now(),
  };
  await ctx.store.addNote(record);
  const note = await presentNote(ctx, record);
  ctx.emit({ type: 'note.created', note });
  return note;
}

export async function listNotes(ctx: ChatContext, actor: Actor, conversationId: string): Promise<Note[]> {
  const { conversation } = await loadForAgent(ctx, actor, conversationId);
  const rows = await ctx.store.listNotes(conversation.id, NOTES_PAGE_MAX);
  return Promise.all(rows.map((r) => presentNote(ctx, r)));
}

async function presentNote(ctx: ChatContext, r: NoteRecord): Promise<Note> {
  return {
    id: r.id,
    conversationId: r.conversationId,
    author: { type: 'agent', id: r.authorId, name: await ctx.names.agent(r.authorId) },
    body: r.body,
    createdAt: r.createdAt,
  };
}
