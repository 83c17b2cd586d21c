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
  credentials: { email: string; password: string },
  now: number,
): Promise<{ agent: AgentRecord; token: string } | undefined> {
  const agent = await store.findAgentByEmail(credentials.email.toLowerCase());
  const ok = await verifyPassword(credentials.password, agent?.passwordHash ?? DUMMY_HASH);
  if (!agent || !ok) return undefined;
  const token = newToken();
  await store.createSession({
    tokenHash: hashToken(token),
    agentId: agent.id,
    expiresAt: now + SESSION_TTL_MS,
    now,
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
