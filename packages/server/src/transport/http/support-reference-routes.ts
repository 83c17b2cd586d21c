/** POST /api/v1/support-references and .../revoke (agents): see commands/recovery/support-references.ts. */
import { Hono } from 'hono';
import { createSupportReferenceBody, revokeSupportReferenceBody } from '@candor/protocol/schemas';
import { issueSupportReference, revokeSupportReference } from '../../commands/recovery/support-references';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

export function supportReferenceRoutes(deps: HttpDeps) {
  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .post('/', async (c) => {
      const body = await parseBody(c, createSupportReferenceBody);
      return c.json(await issueSupportReference(deps.ctx, c.get('session').actor, body), 201);
    })
    .post('/revoke', async (c) => {
      const { reference } = await parseBody(c, revokeSupportReferenceBody);
      await revokeSupportReference(deps.ctx, c.get('session').actor, reference);
      return c.body(null, 204);
    });
}
