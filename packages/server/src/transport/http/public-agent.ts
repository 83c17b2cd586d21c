import type { Agent } from '@candor/protocol';
import type { AgentRecord } from '../../domain/types';

/** An agent as others may see it: never the password hash. */
export function publicAgent({ id, email, name, role, createdAt }: AgentRecord): Agent {
  return { id, email, name, role, createdAt };
}
