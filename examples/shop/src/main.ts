/**
 * Starts the example shop (`npm run example` starts it beside Candor and sets all of this):
 *   SHOP_PORT (3100), SHOP_HOST (127.0.0.1)
 *   SHOP_CANDOR_URL          Candor's base URL, where the widget and the API are (http://localhost:3000)
 *   SHOP_CANDOR_API_TOKEN    an API token with the scope accounts:write (sync off without it)
 *   SHOP_WEBHOOK_SECRET      the webhook's signing secret, whsec_… (the receiver answers 503 without it)
 *   SHOP_IDENTITY_SECRET     the Candor inbox's identity secret (the widget is unsigned without it)
 */
import { serve } from '@hono/node-server';
import { AccountBook } from './accounts';
import { ActivityLog } from './activity-log';
import { CandorSync } from './candor-sync';
import { demoAccounts } from './demo-accounts';
import { SeenIds } from './seen-ids';
import { Sessions } from './sessions';
import { shopApp } from './shop-app';

const env = process.env;
const port = Number(env.SHOP_PORT ?? 3100);
const host = env.SHOP_HOST ?? '127.0.0.1';
const candorUrl = (env.SHOP_CANDOR_URL ?? 'http://localhost:3000').replace(/\/$/, '');

const activity = new ActivityLog();
const say = (text: string) => {
  activity.add(text);
  console.log(`[shop] ${text}`);
};
const book = new AccountBook(await demoAccounts());
const sync = env.SHOP_CANDOR_API_TOKEN
  ? new CandorSync({ candorUrl, apiToken: env.SHOP_CANDOR_API_TOKEN, log: say })
  : undefined;
if (!sync) say('SHOP_CANDOR_API_TOKEN is not set: accounts are not synced to Candor.');
if (!env.SHOP_WEBHOOK_SECRET) say('SHOP_WEBHOOK_SECRET is not set: Candor’s webhooks are refused.');
if (!env.SHOP_IDENTITY_SECRET) say('SHOP_IDENTITY_SECRET is not set: the widget is never signed.');

const app = shopApp({
  book,
  sessions: new Sessions(),
  activity,
  seen: new SeenIds(),
  candorUrl,
  identitySecret: env.SHOP_IDENTITY_SECRET,
  webhookSecret: env.SHOP_WEBHOOK_SECRET,
  sync,
});
if (sync) {
  const taken = await sync.pushAll(book.all());
  say(`${taken} of ${book.all().length} accounts synced to Candor.`);
}
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) =>
  console.log(`[shop] listening on http://${host === '127.0.0.1' ? 'localhost' : host}:${info.port}`),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    sync?.stop();
    server.close(() => process.exit(0));
  });
