import { randomUUID } from 'node:crypto';
import type { Actor, AgentRecord } from '../domain/types';
import type { Store } from '../storage/store';
import { hashToken, newToken } from './tokens';
import { hashPassword, verifyPassword } from './password';

export const SESSION_COOKIE = 'candor_session';
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

/** One hash per cost, of a random password: what an unknown email is checked against. */
const dummies = new Map<number, Promise<string>>();

/**
 * Checking an unknown email against a hash of the configured cost makes it take as long as a known
 * one, so response time does not tell which emails have accounts. Built once, on first use.
 */
export function dummyHash(costLog2: number): Promise<string> {
  let hash = dummies.get(costLog2);
  if (hash === undefined) {
    hash = hashPassword(newToken(), costLog2);
    dummies.set(costLog2, hash);
  }
  return hash;
}

export async function logIn(
  store: Store,
  credentials: { email: string; password: string; client?: SessionClient },
  at: { now: number; passwordCost: number },
): Promise<{ agent: AgentRecord; token: string } | undefined> {
  const agent = await store.findAgentByEmail(credentials.email.toLowerCase());
  const hash = agent?.passwordHash ?? (await dummyHash(at.passwordCost));
  const ok = await verifyPassword(credentials.password, hash);
  // A deactivated agent gets the wrong-password answer, after the same work.
  if (!agent || !ok || !agent.active) return undefined;
  const token = newToken();
  await store.createSession({
    tokenHash: hashToken(token),
    id: randomUUID(),
    agentId: agent.id,
    expiresAt: at.now + SESSION_TTL_MS,
    now: at.now,
    userAgent: credentials.client?.userAgent?.slice(0, 256) ?? null,
    ip: credentials.client?.ip ?? null,
  });
  return { agent, token };
}

/** Where a login came from, shown to the agent in their list of sessions. */
export interface SessionClient {
  userAgent?: string | undefined;
  ip?: string | undefined;
}

export interface AgentSession {
  agent: AgentRecord;
  actor: Extract<Actor, { kind: 'agent' }>;
  /** The session's opaque id: names this login, e.g. to close its sockets when it ends. */
  sessionId: string;
  /** The SHA-256 of the cookie's token, to delete this session on logout. */
  tokenHash: string;
  expiresAt: number;
}

export async function authenticateSession(
  store: Store,
  token: string,
  now: number,
): Promise<AgentSession | undefined> {
  const tokenHash = hashToken(token);
  const found = await store.findSession(tokenHash, now);
  if (!found) return undefined;
  const { agent, session } = found;
  const inboxIds = await store.listAgentInboxIds(agent.id);
  return {
    agent,
    sessionId: session.id,
    tokenHash,
    expiresAt: session.expiresAt,
    actor: { kind: 'agent', agentId: agent.id, role: agent.role, inboxIds },
  };
}
