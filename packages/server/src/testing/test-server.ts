/** Starts a real Candor on port 0 with a fresh embedded store, for integration tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { loadConfig, type Config } from '../config';
import { startCandor, type Candor } from '../app';

export const ADMIN = { email: 'admin@example.test', password: 'admin-password-for-tests' };

export interface TestServer extends Candor {
  wsUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestServer(
  overrides: Partial<Config> = {},
  log: Logger = pino({ level: 'silent' }),
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'candor-test-'));
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    admin: ADMIN,
    passwordCost: 10, // hashing cost is not under test here; keep the suite fast
    // Suites open many visitors from one address; the limits' own tests set theirs.
    anonymousRates: { newVisitorsPerMinute: 1_000_000, newConversationsPerMinute: 1_000_000 },
    // Suites that do not test routing expect conversations to stay unassigned until an agent acts.
    autoAssign: false,
    // Suites start with an empty knowledge base; demo-articles.test.ts loads a folder of its own.
    demoArticlesDir: undefined,
    // The bot stays off unless a test turns it on (PATCH /inboxes/{id} with bot).
    demoBot: false,
    ...overrides,
  };
  const candor = await startCandor(config, log);
  return {
    ...candor,
    wsUrl: candor.url.replace(/^http/, 'ws'),
    dataDir,
    async close() {
      await candor.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
