/** Starts the shop's HTTP server: what main.ts does from the environment, and the example's launcher. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { AccountBook, type ShopAccount } from './accounts';
import { ActivityLog } from './activity-log';
import { CandorSync } from './candor-sync';
import { demoAccounts } from './demo-accounts';
import { SeenIds } from './seen-ids';
import { Sessions } from './sessions';
import { shopApp } from './shop-app';

export interface ShopOptions {
  port: number;
  host: string;
  candorUrl: string;
  apiToken: string | undefined;
  webhookSecret: string | undefined;
  identitySecret: string | undefined;
  print?: (line: string) => void;
  /** The shop's accounts at start (default: the demo accounts). */
  accounts?: ShopAccount[];
}

export interface RunningShop {
  url: string;
  book: AccountBook;
  activity: ActivityLog;
  close(): Promise<void>;
}

export async function startShop(o: ShopOptions): Promise<RunningShop> {
  const print = o.print ?? ((line: string) => console.log(`[shop] ${line}`));
  const activity = new ActivityLog();
  const say = (text: string) => {
    activity.add(text);
    print(text);
  };
  const book = new AccountBook(o.accounts ?? (await demoAccounts()));
  const sync = o.apiToken
    ? new CandorSync({ candorUrl: o.candorUrl, apiToken: o.apiToken, log: say })
    : undefined;
  if (!sync) say('No Candor API token: accounts are not synced to Candor.');
  if (!o.webhookSecret) say('No webhook secret: Candor’s webhooks are refused.');
  if (!o.identitySecret) say('No identity secret: the widget is never signed.');

  const app = shopApp({
    book,
    sessions: new Sessions(),
    activity,
    seen: new SeenIds(),
    candorUrl: o.candorUrl,
    identitySecret: o.identitySecret,
    webhookSecret: o.webhookSecret,
    sync,
  });
  if (sync) say(`${await sync.pushAll(book.all())} of ${book.all().length} accounts synced to Candor.`);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${o.host === '127.0.0.1' ? 'localhost' : o.host}:${port}`,
    book,
    activity,
    close: () =>
      new Promise<void>((resolve) => {
        sync?.stop();
        server.close(() => resolve());
      }),
  };
}
