import { randomUUID } from 'node:crypto';
import type { Actor, AgentRecord } from '../domain/types';
import type { Store } from '../storage/store';
import { hashToken, newToken } from './tokens';
import { verifyPassword } from './password';

export const SESSION_COOKIE = 'candor_session';
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

// Verifying against a fixed hash when the email is unknown keeps login time the same either way,
// so response time does not reveal which emails have accounts. (scrypt, cost 2^12, of a random string.)
const DUMMY_HASH = 'scrypt$12$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function logIn(
  store: Store,
  credentials: { email: string; password: string; client?: SessionClient },
  now: number,
): Promise<{ agent: AgentRecord; token: string } | undefined> {
  const agent = await store.findAgentByEmail(credentials.email.toLowerCase());
  const ok = await verifyPassword(credentials.password, agent?.passwordHash ?? DUMMY_HASH);
  // A deactivated agent gets the wrong-password answer, after the same work.
  if (!agent || !ok || !agent.active) return undefined;
  const token = newToken();
  await store.createSession({
    tokenHash: hashToken(token),
    id: randomUUID(),
    agentId: agent.id,
    expiresAt: now + SESSION_TTL_MS,
    now,
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
