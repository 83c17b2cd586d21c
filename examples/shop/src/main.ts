/**
 * Starts the example shop alone (`npm run example` starts it beside Candor and sets all of this):
 *   SHOP_PORT (3100), SHOP_HOST (127.0.0.1)
 *   SHOP_CANDOR_URL          Candor's base URL, where the widget and the API are (http://localhost:3000)
 *   SHOP_CANDOR_API_TOKEN    an API token with the scope accounts:write (sync off without it)
 *   SHOP_WEBHOOK_SECRET      the webhook's signing secret, whsec_… (the receiver answers 503 without it)
 *   SHOP_IDENTITY_SECRET     the Candor inbox's identity secret (the widget is unsigned without it)
 */
import { startShop } from './start-shop';

const env = process.env;
const shop = await startShop({
  port: Number(env.SHOP_PORT ?? 3100),
  host: env.SHOP_HOST ?? '127.0.0.1',
  candorUrl: (env.SHOP_CANDOR_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
  apiToken: env.SHOP_CANDOR_API_TOKEN,
  webhookSecret: env.SHOP_WEBHOOK_SECRET,
  identitySecret: env.SHOP_IDENTITY_SECRET,
});
console.log(`[shop] listening on ${shop.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void shop.close().then(() => process.exit(0)));
