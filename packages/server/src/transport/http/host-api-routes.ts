/**
 * The host site's back end (issue 14): /api/v1/api-tokens (admins, session cookie) and
 * /api/v1/accounts/{externalId} (the back end, Bearer token with a scope). Mounted on their own
 * prefixes, before the cookie-only routes of /api/v1, whose middleware would refuse a Bearer call.
 */
import { Hono } from 'hono';
import { createApiTokenBody, externalAccountId, putAccountBody } from '@candor/protocol/schemas';
import {
  authenticateApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../commands/host-api/api-tokens';
import { putAccount } from '../../commands/host-api/put-account';
import { DomainError } from '../../domain/errors';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

export function apiTokenRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .get('/', async (c) => c.json({ tokens: await listApiTokens(ctx, c.get('session').actor) }))
    .post('/', async (c) => {
      const body = await parseBody(c, createApiTokenBody);
      const created = await createApiToken(ctx, c.get('session').actor, body);
      deps.log.info(
        { tokenId: created.id, scopes: body.scopes, by: c.get('session').agent.id },
        'API token created',
      );
      return c.json(created, 201);
    })
    .delete('/:id', async (c) => {
      await revokeApiToken(ctx, c.get('session').actor, c.req.param('id'));
      deps.log.info({ tokenId: c.req.param('id'), by: c.get('session').agent.id }, 'API token revoked');
      return c.body(null, 204);
    });
}

export function accountRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>().put('/:externalId', async (c) => {
    const token = await authenticateApiToken(
      ctx.store,
      c.req.header('authorization'),
      'accounts:write',
      ctx.now(),
    );
    const externalId = externalAccountId.safeParse(c.req.param('externalId'));
    if (!externalId.success)
      throw new DomainError('bad_frame', 'The account id must be 1 to 200 printable characters.');
    const body = await parseBody(c, putAccountBody);
    const account = await putAccount(ctx, externalId.data, body);
    // Which fields changed, never their values: the log is not a second copy of customers' contacts.
    deps.log.info(
      { account: externalId.data, fields: Object.keys(body), tokenId: token.id },
      'account on file updated',
    );
    return c.json({ account });
  });
}
