/** Small builders for the contract suite: every test makes its own rows, so tests share a store safely. */
import { randomUUID } from 'node:crypto';
import type { AgentRecord, VisitorRecord } from '../../domain/types';
import type { AppendResult, NewMessage, Store } from '../store';

/** Well past 2^32, so a bigint column that truncated or came back as a string would show. */
export const T0 = 1_750_000_000_000;

export function uid(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export async function newAgent(store: Store, patch: Partial<AgentRecord> = {}): Promise<AgentRecord> {
  const id = uid('a');
  const agent: AgentRecord = {
    id,
    email: `${id}@example.test`,
    name: 'Ada',
    role: 'agent',
    passwordHash: 'scrypt$x',
    active: true,
    createdAt: T0,
    ...patch,
  };
  await store.createAgent(agent);
  return agent;
}

export async function newVisitor(store: Store): Promise<VisitorRecord & { tokenHash: string }> {
  const visitor = {
    id: uid('v'),
    tokenHash: uid('th'),
    name: 'Blue Fox',
    locale: 'fr',
    createdAt: T0,
    // Every new visitor is anonymous (migration 0007); the store reads it back with the visitor.
    verification: 'anonymous' as const,
  };
  await store.createVisitor(visitor);
  return visitor;
}

export function visitorSays(visitorId: string, body: string, patch: Partial<NewMessage> = {}): NewMessage {
  return { authorType: 'visitor', authorId: visitorId, body, clientKey: uid('k'), now: T0, ...patch };
}

/** A visitor with a conversation holding one message, in `inboxId` (default: a fresh inbox of its own). */
export async function newConversation(
  store: Store,
  opts: { inboxId?: string; now?: number } = {},
): Promise<AppendResult & { visitorId: string }> {
  const visitor = await newVisitor(store);
  const conversation = { id: uid('c'), inboxId: opts.inboxId ?? uid('inbox'), visitorId: visitor.id };
  const result = await store.startConversation(
    conversation,
    visitorSays(visitor.id, 'hello', { now: opts.now ?? T0 }),
  );
  return { ...result, visitorId: visitor.id };
}
