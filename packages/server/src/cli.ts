/** The `candor` command: serve (default), migrate, create-agent, reset-password, doctor. */
import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { openStore, startCandor } from './app';
import { createAgent } from './commands/create-agent';
import { setAgentPassword } from './commands/agent-passwords';
import { runDoctor } from './doctor';

const HELP = `Usage: candor <command> [options]

Commands:
  serve                 Start Candor (default). Configured by environment variables:
                        PORT, HOST, CANDOR_DATA_DIR, DATABASE_URL, CANDOR_DATABASE_SCHEMA,
                        REDIS_URL or NATS_URL, CANDOR_ALLOWED_ORIGINS, CANDOR_ADMIN_EMAIL,
                        CANDOR_ADMIN_PASSWORD, CANDOR_TRUST_PROXY, CANDOR_METRICS_TOKEN, LOG_LEVEL
                        (see README.md)
  migrate               Run pending database migrations and exit.
  create-agent          Create an agent: --email E --name N [--role admin|agent] [--password P]
                        (without --password a strong one is generated and printed once)
  reset-password EMAIL  Give an agent (e.g. an admin who lost theirs) a new password: a strong one
                        is generated and printed once, or taken from CANDOR_NEW_PASSWORD (12
                        characters or more; not printed). Every session of the agent ends; their open
                        consoles are signed out within one heartbeat (CANDOR_HEARTBEAT_SECONDS).
  doctor                Check the configuration, store, bus, allowed origins and built assets.
                        Changes nothing; exits 1 if something must be fixed.

Options:
  -h, --help            Show this help.
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const config = loadConfig();
  if (command === 'doctor')
    return (await runDoctor(config, (line) => process.stdout.write(`${line}\n`))) ? 0 : 1;
  if (command === 'serve') {
    const log = createLogger(config.logLevel);
    const candor = await startCandor(config, log);
    process.stderr.write(`Candor is running: ${candor.url}/ (demo shop)  ${candor.url}/console (agents)\n`);
    const shutdown = (signal: string) => {
      log.info({ signal }, 'shutting down');
      candor.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    return -1; // keep running
  }
  const store = await openStore(config);
  try {
    await store.migrate();
    if (command === 'migrate') {
      process.stdout.write('Migrations are up to date.\n');
      return 0;
    }
    if (command === 'create-agent') {
      if (!values.email || !values.name) throw new Error('create-agent needs --email and --name');
      const role = values.role === 'admin' ? 'admin' : 'agent';
      const { agent, generatedPassword } = await createAgent(
        store,
        { email: values.email, name: values.name, role, password: values.password },
        { passwordCost: config.passwordCost, now: Date.now() },
      );
      process.stdout.write(
        `Created ${role} ${agent.email}${generatedPassword ? `, password: ${generatedPassword}` : ''}\n`,
      );
      return 0;
    }
    if (command === 'reset-password') {
      const email = positionals[1];
      if (!email) throw new Error('reset-password needs the email of the agent: candor reset-password EMAIL');
      const chosen = process.env.CANDOR_NEW_PASSWORD;
      if (chosen !== undefined && chosen.length < 12)
        throw new Error('CANDOR_NEW_PASSWORD needs at least 12 characters.');
      const agent = await store.findAgentByEmail(email);
      if (!agent) throw new Error(`No agent has the email ${email}.`);
      // Sessions are deleted in the store; each node's heartbeat closes their sockets (no bus needed).
      const { generatedPassword, endedSessionIds } = await setAgentPassword(store, agent, {
        password: chosen,
        passwordCost: config.passwordCost,
      });
      const ended = `${endedSessionIds.length} session(s) ended`;
      process.stdout.write(
        generatedPassword
          ? `New password for ${agent.email} (shown once): ${generatedPassword}\n${ended}.\n`
          : `Password of ${agent.email} set from CANDOR_NEW_PASSWORD; ${ended}.\n`,
      );
      if (!agent.active) process.stdout.write('This agent is deactivated: an admin must reactivate them.\n');
      return 0;
    }
    process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
    return 2;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
