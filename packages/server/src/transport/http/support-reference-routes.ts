/** POST /api/v1/support-references (agents): see commands/recovery/support-references.ts. */
import { Hono } from 'hono';
import { createSupportReferenceBody } from '@candor/protocol/schemas';
import { issueSupportReference } from '../../commands/recovery/support-references';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

export function supportReferenceRoutes(deps: HttpDeps) {
  return new Hono<HttpEnv>().use(requireAgent(deps)).post('/', async (c) => {
    const body = await parseBody(c, createSupportReferenceBody);
    return c.json(await issueSupportReference(deps.ctx, c.get('session').actor, body), 201);
  });
}
