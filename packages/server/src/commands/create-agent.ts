import { randomUUID } from 'node:crypto';
import type { AgentRecord, AgentRole } from '../domain/types';
import type { Store } from '../storage/store';
import { generatePassword, hashPassword } from '../auth/password';

/**
 * Creates an agent account. Without a password, a strong one is generated and returned so the caller
 * can show it once; it is never stored in clear. A taken email rejects with StoreConflictError.
 */
export async function createAgent(
  store: Store,
  input: { email: string; name: string; role: AgentRole; password?: string | undefined },
  options: { passwordCost: number; now: number },
): Promise<{ agent: AgentRecord; generatedPassword: string | undefined }> {
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const agent: AgentRecord = {
    id: randomUUID(),
    email: input.email.trim().toLowerCase(),
    name: input.name.trim(),
    role: input.role,
    passwordHash: await hashPassword(input.password ?? generatedPassword!, options.passwordCost),
    active: true,
    createdAt: options.now,
  };
  await store.createAgent(agent);
  return { agent, generatedPassword };
}
