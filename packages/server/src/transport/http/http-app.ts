import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../../domain/errors';
import { errorResponse } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { authRoutes } from './auth-routes';
import { agentRoutes } from './agent-routes';
import { conversationRoutes } from './conversation-routes';
import { cannedResponseRoutes } from './agent-tools-routes';
import { articleRoutes } from './article-routes';
import { helpRoutes } from '../../help/help-routes';
import { helpApiRoutes } from '../../help/help-api-routes';
import { HelpIndex } from '../../help/help-index';
import { staticRoutes } from './static-routes';
import { settingsRoutes } from './settings-routes';
import { openApiDocument } from './openapi';
import { metricsRoute } from './metrics-route';
import { errorCodeOf } from '../../realtime/error-codes';
import { noSniff } from './security-headers';
import { sessionRoute } from './session-route';
import { meRoutes } from './me-routes';
import { widgetStatusRoute } from './widget-status-route';
import { routingRoutes } from './routing-routes';
import { searchRoutes } from './search-routes';
import { satisfactionRoutes } from './satisfaction-routes';
import { accountRoutes, apiTokenRoutes, webhookRoutes } from './host-api-routes';
import { outboxRoutes } from './outbox-routes';
import { auditRoutes } from './recovery-routes';
import { supportReferenceRoutes } from './support-reference-routes';
import { verifyApiRoutes, verifyPageRoutes } from '../../help/verify-routes';
import { recoveryActionRoutes } from './recovery-action-routes';
import { recoveryStopRoutes } from './recovery-stop-routes';

/** The REST API, health endpoints and static pages. Thin: every rule is in commands/ and domain/. */
export function httpApp(deps: HttpDeps) {
  const openapi = JSON.stringify(openApiDocument());
  const help = {
    ...deps,
    store: deps.ctx.store,
    index: new HelpIndex(deps.ctx.store),
    now: () => deps.ctx.now(),
  };
  const app = new Hono<HttpEnv>();
  app.onError((err, c) => {
    if (!(err instanceof DomainError))
      deps.log.error({ err: err.message, path: c.req.path }, 'request failed');
    deps.metrics.error(errorCodeOf(err).code);
    return errorResponse(c, err);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'No such route.' } }, 404));
  app.use('*', noSniff);
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => errorResponse(c, new DomainError('too_large', 'Body too large.')),
    }),
  );
  app.get('/healthz', (c) =>
    deps.isReady() ? c.json({ status: 'ok' }) : c.json({ status: 'starting' }, 503),
  );
  app.get('/readyz', async (c) => {
    try {
      await deps.ctx.store.ping();
      return c.json({ status: deps.isReady() ? 'ready' : 'starting' }, deps.isReady() ? 200 : 503);
    } catch {
      return c.json({ status: 'store unavailable' }, 503);
    }
  });
  app.get('/metrics', metricsRoute(deps));
  app.get('/openapi.json', (c) => c.body(openapi, 200, { 'content-type': 'application/json' }));
  app.route('/api/v1/auth', authRoutes(deps));
  app.get('/api/v1/session', sessionRoute(deps));
  app.route('/api/v1/me', meRoutes(deps));
  app.get('/api/v1/widget/status', widgetStatusRoute(deps));
  app.route('/api/v1/agents', agentRoutes(deps));
  app.route('/api/v1/conversations', conversationRoutes(deps));
  app.route('/api/v1/canned-responses', cannedResponseRoutes(deps));
  app.route('/api/v1/search', searchRoutes(deps));
  app.route('/api/v1/articles', articleRoutes(deps));
  app.route('/api/v1/api-tokens', apiTokenRoutes(deps));
  app.route('/api/v1/accounts', accountRoutes(deps));
  app.route('/api/v1/webhooks', webhookRoutes(deps));
  app.route('/api/v1/audit', auditRoutes(deps));
  app.route('/api/v1/support-references', supportReferenceRoutes(deps));
  app.route('/api/v1/help/verify', verifyApiRoutes(deps));
  app.route('/api/v1/help', helpApiRoutes(help));
  app.route('/api/v1', settingsRoutes(deps));
  app.route('/api/v1', routingRoutes(deps));
  app.route('/api/v1', satisfactionRoutes(deps));
  app.route('/api/v1', recoveryActionRoutes(deps));
  app.route('/api/v1/outbox', outboxRoutes(deps));
  // Before the help centre's own routes: /help/fr/verify would otherwise read as an article's address.
  app.route('/', verifyPageRoutes(deps));
  app.route('/recovery/stop', recoveryStopRoutes(deps));
  app.route('/', helpRoutes(help));
  app.route('/', staticRoutes());
  return app;
}
