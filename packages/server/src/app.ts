/**
 * The composition root: the only file that picks implementations (store, bus) from config and wires
 * the parts. Everything else receives its dependencies.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Store } from './storage/store';
import { openPostgresStore, openSqliteStore } from './storage';
import { LocalBus } from './bus/local/local-bus';
import type { Bus } from './bus/bus';
import { openRedisBus } from './bus/redis/redis-bus';
import { openNatsBus } from './bus/nats/nats-bus';
import type { BusErrorHandler } from './bus/fan-out';
import { DraftSealer } from './bus/draft-sealer';
import { randomBytes } from 'node:crypto';
import { Hub } from './realtime/hub';
import { ConversationHomes } from './commands/conversation-homes';
import { NameDirectory } from './commands/name-directory';
import { SettingsCache } from './commands/settings-cache';
import { topics } from './realtime/topics';
import type { ChatContext } from './commands/context';
import { DEFAULT_REALTIME_LIMITS } from './realtime/realtime-deps';
import { WsGateway } from './transport/ws/ws-gateway';
import { IpWindow } from './limits/ip-window';
import { OriginPolicy } from './transport/origin-policy';
import { httpApp } from './transport/http/http-app';
import { bootstrapAdmin } from './bootstrap-admin';
import { loadDemoArticles } from './help/demo-articles';
import { repoRoot } from './transport/http/static-assets';
import { Metrics } from './metrics/metrics';
import { SearchIndexer } from './commands/search-indexer';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { postDelivery } from './webhooks/webhook-sender';
import { ConcurrencyLimit } from './limits/concurrency-limit';
import { ThrottledLog } from './limits/throttled-log';
import { AnonymousLimits } from './limits/anonymous-limits';
import { startHousekeeping } from './commands/housekeeping';
import { startCoolingOffTicks } from './commands/recovery/cooling-off';
import type { DomainEvent } from './domain/events';
import { InboxRouter } from './commands/routing/inbox-router';
import { AgentPresence } from './commands/routing/agent-presence';
import { routingSettings } from './commands/routing/routing-settings';
import { manual } from './domain/routing/routing-rule';
import { BotTurns } from './commands/bot/bot-turns';
import { BotArticles } from './commands/bot/bot-articles';
import { RetrievalAnswerer } from './domain/bot/retrieval-answerer';
import { DEFAULT_INBOX_ID } from './domain/types';
import type { Mailer } from './mail/mailer';
import { SmtpMailer } from './mail/smtp-mailer';
import { OutboxMailer } from './mail/outbox-mailer';
import { MailQueue } from './mail/mail-queue';
import { ReplyMail } from './commands/mail/reply-mail';
import type { SmsSender } from './sms/sms-sender';
import { TwilioSmsSender } from './sms/twilio-sms-sender';
import { OutboxSmsSender } from './sms/outbox-sms-sender';
import { SiteInfo } from './commands/site-info';

export interface Candor {
  server: Server;
  /** Where mail goes out; tests wait for it to settle. */
  mail: MailQueue;
  /** Where texts go out (Twilio, or the development outbox). */
  sms: SmsSender;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  store: Store;
  gateway: WsGateway;
  /** What commands run with: tests drive ticks with a clock of their own (`{ ...ctx, now }`). */
  ctx: ChatContext;
  stop(): Promise<void>;
}

export function openStore(
  config: Pick<Config, 'databaseUrl' | 'databaseSchema' | 'dataDir'> &
    Partial<Pick<Config, 'databasePreparedStatements'>>,
): Promise<Store> {
  return config.databaseUrl
    ? openPostgresStore({
        url: config.databaseUrl,
        schema: config.databaseSchema,
        preparedStatements: config.databasePreparedStatements ?? true,
      })
    : openSqliteStore({ file: join(config.dataDir, 'candor.db') });
}

export async function openBus(
  config: Pick<Config, 'bus'>,
  store: Store,
  onError: BusErrorHandler,
): Promise<Bus> {
  const b = config.bus;
  if (b.kind === 'local') return new LocalBus();
  // Drafts cross the network sealed with a key every node reads from the shared database.
  const key = await store.sharedSecret('draft-sealing-key', randomBytes(32).toString('base64'), Date.now());
  const sealer = new DraftSealer(Buffer.from(key, 'base64'));
  if (b.kind === 'redis') return openRedisBus({ url: b.url, prefix: b.prefix, onError, sealer });
  return openNatsBus({ servers: b.servers, prefix: b.prefix, onError, sealer });
}

export async function startCandor(config: Config, log: Logger): Promise<Candor> {
  const store = await openStore(config);
  await store.migrate();
  await bootstrapAdmin(store, config, Date.now());
  if (config.demoArticlesDir !== undefined) {
    const demo = await loadDemoArticles(store, resolve(repoRoot, config.demoArticlesDir), Date.now());
    if (demo.loaded > 0) log.info({ articles: demo.loaded }, 'demo help articles loaded');
    // The demo's default inbox answers with the bot, once, on the start that loaded the samples; an
    // admin's later choice stands. Benchmarks and tests start without it.
    if (demo.loaded > 0 && config.demoBot) await store.setInboxBot(DEFAULT_INBOX_ID, true, Date.now());
    for (const reason of demo.skipped) log.warn({ reason }, 'demo help article skipped');
  }
  // Outages make every send and publish fail alike: one line a second per kind, with a count.
  const quiet = new ThrottledLog(log);
  const onError = (err: unknown, what: string) => quiet.error({ err: String(err) }, what);
  const bus = await openBus(config, store, onError);
  const hub = new Hub(bus, onError);
  // A rule saved before rules had to run in linear time is skipped, never run; admins see it disabled.
  const settings = await SettingsCache.load(
    store,
    ({ rule, reason }) =>
      log.warn({ ruleId: rule.id, label: rule.label, reason }, 'redaction rule disabled: it cannot be used'),
    config.identitySecret ?? null,
  );
  const names = new NameDirectory(store);
  const botArticles = new BotArticles(store);
  // Every node keeps policies, redaction rules and agents' names in memory, refreshed by events from any node.
  await hub.watch(topics.settings, {
    deliver: ({ event }) => {
      settings.apply(event);
      if (event.type === 'agent.renamed') names.forgetAgents();
      if (event.type === 'articles.changed') botArticles.forget();
      if (event.type === 'contact.changed') names.forgetVisitor(event.visitorId);
      if (event.type === 'inbox.updated' && event.contactChanged)
        void settings.reloadContact(store).catch((err: unknown) => onError(err, 'settings reload'));
    },
    resync: () => {
      names.forgetAgents();
      names.forgetVisitors(); // a contact.changed may have been missed during the outage
      botArticles.forget();
      void settings.reload(store).catch((err: unknown) => onError(err, 'settings reload'));
    },
  });
  // Domain events go to their listeners: realtime fan-out (the hub) and metrics.
  // The gauges are read at scrape time, once the gateway below exists.
  const metrics: Metrics = new Metrics({
    connections: () => gateway.stats(),
    pendingCommands: () => gateway.stats().pendingCommands,
  });
  const searchIndexer = new SearchIndexer(store, onError);
  // The bot listens to this node's own events only: one node answers each message. Built below, once
  // the context it answers through exists.
  const turns: { bot?: BotTurns } = {};
  // Mail leaves through SMTP when configured, else it is kept in the development outbox.
  const mailer: Mailer = config.smtp
    ? new SmtpMailer(config.smtp.url, config.smtp.from)
    : new OutboxMailer(store, Date.now);
  // With SMTP, mails wait in the store for any node to send: none is lost when a node stops while the
  // SMTP server is down. The development outbox is itself a store write, and fails only when the store
  // does: queueing in the store first would write each mail twice for nothing, so it queues in memory.
  const mail = new MailQueue({
    mailer,
    log,
    counted: (outcome) => metrics.mailed(outcome),
    ...(config.smtp && { store }),
  });
  // Texts (recovery codes) leave through Twilio when configured, else they join mail in the outbox.
  const sms: SmsSender = config.sms ? new TwilioSmsSender(config.sms) : new OutboxSmsSender(store, Date.now);
  const origins = new OriginPolicy(config.allowedOrigins);
  let publicUrl = config.publicUrl ?? '';
  const replyMail = new ReplyMail({
    ctx: () => ctx,
    queue: mail,
    visitorOnline: (visitorId) => hub.isWatched(topics.visitor(visitorId)),
    allowedOrigin: (origin) => origins.listed(origin),
    candorPage: () => `${publicUrl}/`,
    onError,
    ...(config.mailCoalesceMs === undefined ? {} : { coalesceMs: config.mailCoalesceMs }),
  });
  const emit = (event: DomainEvent) => {
    metrics.onEvent(event);
    hub.emit(event);
    searchIndexer.onEvent(event);
    turns.bot?.onEvent(event);
    replyMail.onEvent(event);
  };
  const ctx: ChatContext = {
    store,
    names,
    homes: new ConversationHomes(store),
    settings,
    emit,
    now: config.clock ?? Date.now,
    anonymousLimits: new AnonymousLimits(store, config.anonymousRates),
    mail,
    sms,
    site: new SiteInfo(config.siteName, { store, now: Date.now, publicUrl: config.publicUrl }),
    publicUrl: () => publicUrl,
  };
  const routingConfig = routingSettings({
    awayGraceMs: config.awayGraceMs,
    defaultCapacity: config.defaultCapacity,
    heartbeatMs: config.heartbeatMs,
  });
  ctx.routing = new InboxRouter(() => ctx, routingConfig, onError, config.autoAssign ? undefined : manual);
  const webhooks = new WebhookDispatcher({
    store,
    post: (url, body, headers) => postDelivery(url, body, headers, config.webhooksAllowPrivate),
    now: Date.now,
    onError,
  });
  ctx.webhooks = { allowPrivate: config.webhooksAllowPrivate, kick: () => webhooks.kick() };
  turns.bot = ctx.bot = new BotTurns(() => ctx, new RetrievalAnswerer(), botArticles, onError);
  const presence = new AgentPresence(() => ctx, bus.nodeId, routingConfig.heartbeatMs, onError);
  const stopHousekeeping = startHousekeeping({
    store,
    now: Date.now,
    log,
    visitorIdleMs: config.visitorPurgeMs,
  });
  const stopCoolingOff = startCoolingOffTicks(ctx, onError);
  let ready = false;
  const app = httpApp({
    ctx,
    log,
    passwordCost: config.passwordCost,
    trustProxy: config.trustProxy,
    isReady: () => ready,
    metrics,
    metricsToken: config.metricsToken,
    origins,
    outboxEnabled: config.smtp === undefined || config.sms === undefined,
    helpLimit: new IpWindow({ limit: config.helpRequestsPerMinute, windowMs: 60_000 }),
  });
  const listener = getRequestListener(app.fetch);
  const server = createServer((req, res) => void listener(req, res));
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  const gateway: WsGateway = new WsGateway({
    deps: {
      ctx,
      hub,
      log: quiet,
      limits: {
        ...DEFAULT_REALTIME_LIMITS,
        framesPerSecond: config.frameRate.perSecond,
        frameBurst: config.frameRate.burst,
        helloTimeoutMs: config.helloTimeoutMs,
        visitorTokenIdleMs: config.visitorTokenIdleMs,
      },
      metrics,
      // A quarter of the pool for catching up after a bus outage; sends keep the rest.
      heals: new ConcurrencyLimit(3),
      presence,
    },
    origins,
    maxConnectionsPerIp: { visitor: config.maxConnectionsPerIp, agent: config.maxAgentConnectionsPerIp },
    trustProxy: config.trustProxy,
    heartbeatMs: config.heartbeatMs,
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
  publicUrl ||= `http://${host}:${port}`;
  ready = true;
  webhooks.start();
  mail.start();
  log.info(
    { port, store: config.databaseUrl ? 'postgres' : 'sqlite', bus: config.bus.kind, node: bus.nodeId },
    'candor ready',
  );

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      ready = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.drain(5_000);
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 5_000).unref())]);
      server.closeAllConnections();
      stopHousekeeping();
      stopCoolingOff();
      await presence.stop();
      await replyMail.stop();
      await mail.stop();
      await mailer.close();
      await sms.close();
      await searchIndexer.stop();
      await webhooks.stop();
      await bus.close();
      await store.close();
      log.info({}, 'candor stopped');
    })());
  return { server, url: `http://${host}:${port}`, store, gateway, mail, sms, ctx, stop };
}
