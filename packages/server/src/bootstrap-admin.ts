import { StoreConflictError, type Store } from './storage/store';
import type { Config } from './config';
import { createAgent } from './commands/create-agent';

/**
 * The first admin, when the store has no agent yet: from CANDOR_ADMIN_EMAIL / CANDOR_ADMIN_PASSWORD,
 * or with a generated password printed once to stderr (never logged, never stored in clear).
 */
export async function bootstrapAdmin(
  store: Store,
  config: Pick<Config, 'admin' | 'passwordCost'>,
  now: number,
  print: (text: string) => void = (t) => process.stderr.write(t),
): Promise<void> {
  if ((await store.countAgents()) > 0) return;
  const created = await createAgent(
    store,
    {
      email: config.admin.email ?? 'admin@candor.local',
      name: 'Admin',
      role: 'admin',
      password: config.admin.password,
    },
    { passwordCost: config.passwordCost, now },
  ).catch((err: unknown) => {
    // Several nodes starting together on an empty database: another one created it first.
    if (err instanceof StoreConflictError) return undefined;
    throw err;
  });
  if (!created) return;
  const { agent, generatedPassword } = created;
  if (generatedPassword) {
    print(
      `\n  Candor created the first admin account. This password is shown once:\n\n` +
        `    email:    ${agent.email}\n    password: ${generatedPassword}\n\n` +
        `  Log in at /console and create your agents. Set CANDOR_ADMIN_EMAIL/CANDOR_ADMIN_PASSWORD to choose them.\n\n`,
    );
  }
}
