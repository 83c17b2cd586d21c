import type { Agent } from '@candor/protocol';
import type { AgentRecord } from '../../domain/types';

/**
 * An agent as others may see it: never the password hash; the email only when `withEmail` (admins,
 * and the agent themselves: see maySeeEmail in domain/agent-lifecycle.ts).
 */
export function publicAgent(
  { id, email, name, role, active, createdAt }: AgentRecord,
  withEmail = true,
): Agent {
  return withEmail ? { id, email, name, role, active, createdAt } : { id, name, role, active, createdAt };
}
