/** A shop for tests: the demo accounts (hashed once per test file), in memory, served without a port. */
import { randomBytes } from 'node:crypto';
import { AccountBook } from './accounts';
import { ActivityLog } from './activity-log';
import type { CandorSync } from './candor-sync';
import { demoAccounts } from './demo-accounts';
import { SeenIds } from './seen-ids';
import { Sessions } from './sessions';
import { shopApp } from './shop-app';

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
export const SHOP = 'http://shop.test';

let hashed: ReturnType<typeof demoAccounts> | undefined;

export async function testShop(
  options: { webhookSecret?: string; identitySecret?: string; sync?: CandorSync } = {},
) {
  const book = new AccountBook(await (hashed ??= demoAccounts()));
  const activity = new ActivityLog();
  const sessions = new Sessions();
  const app = shopApp({
    book,
    sessions,
    activity,
    seen: new SeenIds(),
    candorUrl: 'http://candor.test',
    identitySecret: options.identitySecret,
    webhookSecret: options.webhookSecret ?? newWebhookSecret(),
    sync: options.sync,
  });
  const request = (path: string, init?: RequestInit) => app.request(`${SHOP}${path}`, init);
  return { app, book, activity, sessions, request };
}

/** Posts a login form; answers the session cookie (`name=value`) if one was set. */
export async function postLogin(
  request: (path: string, init?: RequestInit) => Response | Promise<Response>,
  form: Record<string, string>,
) {
  const res = await request('/login', { method: 'POST', body: new URLSearchParams(form) });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  return { res, cookie, location: res.headers.get('location') ?? '' };
}
