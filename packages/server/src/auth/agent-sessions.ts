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
  credentials: { email: string; password: string },
  at: { now: number; passwordCost: number },
): Promise<{ agent: AgentRecord; token: string } | undefined> {
  const agent = await store.findAgentByEmail(credentials.email.toLowerCase());
  const hash = agent?.passwordHash ?? (await dummyHash(at.passwordCost));
  const ok = await verifyPassword(credentials.password, hash);
  if (!agent || !ok) return undefined;
  const token = newToken();
  await store.createSession({
    tokenHash: hashToken(token),
    agentId: agent.id,
    expiresAt: at.now + SESSION_TTL_MS,
    now: at.now,
  });
  return { agent, token };
}

export interface AgentSession {
  agent: AgentRecord;
  actor: Extract<Actor, { kind: 'agent' }>;
  /** The hash of the session token: identifies this login, e.g. to close its sockets on logout. */
  sessionId: string;
}

export async function authenticateSession(
  store: Store,
  token: string,
  now: number,
): Promise<AgentSession | undefined> {
  const sessionId = hashToken(token);
  const agent = await store.findSessionAgent(sessionId, now);
  if (!agent) return undefined;
  const inboxIds = await store.listAgentInboxIds(agent.id);
  return { agent, sessionId, actor: { kind: 'agent', agentId: agent.id, role: agent.role, inboxIds } };
}
