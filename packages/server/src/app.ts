/**
 * The composition root: the only file that picks implementations (store, bus) from config and wires
 * the parts. Everything else receives its dependencies.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Store } from './storage/store';
import { openPostgresStore, openSqliteStore } from './storage';
import { LocalBus } from './bus/local/local-bus';
import type { Bus } from './bus/bus';
import { Hub } from './realtime/hub';
import { NameDirectory } from './commands/name-directory';
import type { ChatContext } from './commands/context';
import { DEFAULT_REALTIME_LIMITS } from './realtime/realtime-deps';
import { WsGateway } from './transport/ws/ws-gateway';
import { OriginPolicy } from './transport/origin-policy';
import { httpApp } from './transport/http/http-app';
import { KeyedLimiter } from './limits/token-bucket';
import { bootstrapAdmin } from './bootstrap-admin';

export interface Candor {
  server: Server;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  store: Store;
  gateway: WsGateway;
  stop(): Promise<void>;
}

export function openStore(
  config: Pick<Config, 'databaseUrl' | 'databaseSchema' | 'dataDir'>,
): Promise<Store> {
  return config.databaseUrl
    ? openPostgresStore({ url: config.databaseUrl, schema: config.databaseSchema })
    : openSqliteStore({ file: join(config.dataDir, 'candor.db') });
}

export async function startCandor(config: Config, log: Logger): Promise<Candor> {
  const store = await openStore(config);
  await store.migrate();
  await bootstrapAdmin(store, config, Date.now());
  const bus: Bus = new LocalBus();
  const onError = (err: unknown, what: string) => log.error({ err: String(err) }, what);
  const hub = new Hub(bus, onError);
  const ctx: ChatContext = { store, names: new NameDirectory(store), emit: hub.emit, now: Date.now };
  let ready = false;
  const app = httpApp({
    ctx,
    log,
    passwordCost: config.passwordCost,
    trustProxy: config.trustProxy,
    loginLimiter: new KeyedLimiter(10 / 60, 10), // 10 attempts, then one every 6 s, per IP
    isReady: () => ready,
  });
  const listener = getRequestListener(app.fetch);
  const server = createServer((req, res) => void listener(req, res));
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  const gateway = new WsGateway({
    deps: { ctx, hub, log, limits: DEFAULT_REALTIME_LIMITS },
    origins: new OriginPolicy(config.allowedOrigins),
    maxConnectionsPerIp: config.maxConnectionsPerIp,
    trustProxy: config.trustProxy,
  });
  gateway.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':')
    ? `[${config.host}]`
    : config.host === '0.0.0.0'
      ? '127.0.0.1'
      : config.host;
  ready = true;
  log.info({ port, store: config.databaseUrl ? 'postgres' : 'sqlite', node: bus.nodeId }, 'candor ready');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      ready = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.drain(5_000);
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 5_000).unref())]);
      server.closeAllConnections();
      await bus.close();
      await store.close();
      log.info({}, 'candor stopped');
    })());
  return { server, url: `http://${host}:${port}`, store, gateway, stop };
}
