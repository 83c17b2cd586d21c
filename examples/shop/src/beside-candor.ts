/**
 * `npm run example` (after scripts/example.mjs built Candor): starts Candor with its embedded store in
 * data/example, connects it to the shop through the REST API (provision.ts), starts the shop, and
 * prints where to go. Ctrl-C stops both.
 *
 * Candor runs with CANDOR_WEBHOOKS_ALLOW_PRIVATE=true because the shop's receiver is on loopback (a
 * production Candor refuses private addresses), and with the shop's origin in CANDOR_ALLOWED_ORIGINS so
 * the widget may run on its page.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_LOGINS } from './demo-accounts';
import { DEMO_AUTHENTICATOR_CODE } from './login';
import { DEMO_SUPERVISOR, ensureDemoSupervisor, provisionCandor } from './provision';
import { startShop } from './start-shop';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const env = process.env;
const candorPort = Number(env.PORT ?? 3000);
const shopPort = Number(env.SHOP_PORT ?? 3100);
const candorUrl = `http://localhost:${candorPort}`;
const shopOrigins = [`http://localhost:${shopPort}`, `http://127.0.0.1:${shopPort}`];
const admin = {
  email: env.CANDOR_ADMIN_EMAIL ?? 'admin@candor.local',
  password: env.CANDOR_ADMIN_PASSWORD ?? 'example-admin-password',
};

const candor = spawn(process.execPath, ['packages/server/dist/candor.js', 'serve'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    CANDOR_DATA_DIR: 'data/example',
    LOG_LEVEL: 'warn',
    ...env,
    PORT: String(candorPort),
    HOST: '127.0.0.1',
    CANDOR_ADMIN_EMAIL: admin.email,
    CANDOR_ADMIN_PASSWORD: admin.password,
    CANDOR_ALLOWED_ORIGINS: [candorUrl, `http://127.0.0.1:${candorPort}`, ...shopOrigins].join(','),
    CANDOR_WEBHOOKS_ALLOW_PRIVATE: 'true',
  },
});
let stopping = false;
// Ctrl-C in a terminal signals Candor too, which may end before this process hears of it: a clean exit
// is a stop, not a crash.
candor.on('exit', (code, signal) => {
  const clean = stopping || code === 0 || signal === 'SIGINT' || signal === 'SIGTERM';
  if (!clean) console.error(`Candor stopped (exit ${code ?? signal}); stopping the shop too.`);
  process.exit(clean ? 0 : 1);
});

async function ready(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within a minute`);
}

try {
  await ready(`${candorUrl}/healthz`);
  const provisioned = await provisionCandor({
    candorUrl,
    admin,
    webhookUrl: `http://127.0.0.1:${shopPort}/webhooks/candor`,
  });
  await ensureDemoSupervisor(candorUrl, admin);
  const shop = await startShop({
    port: shopPort,
    host: '127.0.0.1',
    candorUrl,
    ...provisioned,
  });
  const logins = DEMO_LOGINS.map(
    (l) =>
      `    ${l.username.padEnd(6)} ${l.password.padEnd(16)} ${l.email.padEnd(18)} ${
        l.locked
          ? 'locked out'
          : l.secondFactor
            ? `two-step on (code ${DEMO_AUTHENTICATOR_CODE}; Bob lost it)`
            : ''
      }`,
  );
  console.log(
    [
      '',
      `  The example shop:  ${shop.url}`,
      `  Candor's console:  ${candorUrl}/console`,
      `    admin:       ${admin.email} / ${admin.password}`,
      `    supervisor:  ${DEMO_SUPERVISOR.email} / ${DEMO_SUPERVISOR.password} (approves what needs a second person)`,
      '',
      '  Shop logins (username, password, email):',
      ...logins,
      '',
      '  Recovery codes go to the development outbox (console: Admin → Outbox) unless CANDOR_SMTP_URL is set.',
      '  Ctrl-C stops both.',
      '',
    ].join('\n'),
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      stopping = true;
      void shop.close().then(() => candor.kill(signal));
    });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  stopping = true;
  candor.kill('SIGTERM');
  process.exitCode = 1;
}
