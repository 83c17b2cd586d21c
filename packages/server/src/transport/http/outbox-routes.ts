/** GET /api/v1/outbox: the development outbox (admins only), where mail is kept when no SMTP server is set. */
import { Hono } from 'hono';
import { outboxQuery } from '@candor/protocol/schemas';
import { assertAdmin } from '../../domain/access';
import { DomainError } from '../../domain/errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

export function outboxRoutes(deps: HttpDeps) {
  return new Hono<HttpEnv>().use(requireAgent(deps)).get('/', async (c) => {
    assertAdmin(c.get('session').actor);
    const parsed = outboxQuery.safeParse(c.req.query());
    if (!parsed.success) throw new DomainError('bad_frame', 'limit must be a whole number from 1 to 200.');
    const enabled = deps.outboxEnabled ?? true;
    return c.json({ enabled, mails: await deps.ctx.store.listOutbox(parsed.data.limit) });
  });
}
