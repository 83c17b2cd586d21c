/**
 * Recovery actions over REST (issue 14): an agent asks (`/conversations/{id}/recovery/actions`), a
 * supervisor or admin decides (`/recovery/approvals`, `/recovery/actions/{id}/approve|refuse`), admins
 * set the rules (`/recovery/settings`). Thin: every rule is in commands/recovery and domain/recovery.
 */
import { Hono } from 'hono';
import {
  decideRecoveryActionBody,
  requestRecoveryActionBody,
  updateRecoverySettingsBody,
} from '@candor/protocol/schemas';
import {
  approveRecoveryAction,
  listApprovals,
  refuseRecoveryAction,
} from '../../commands/recovery/decide-action';
import { requestRecoveryAction } from '../../commands/recovery/request-action';
import { readRecoverySettings, updateRecoverySettings } from '../../commands/recovery/recovery-settings';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

export function recoveryActionRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .post('/conversations/:id/recovery/actions', async (c) => {
      const body = await parseBody(c, requestRecoveryActionBody);
      const action = await requestRecoveryAction(ctx, c.get('session').actor, c.req.param('id'), body);
      return c.json({ action }, 201);
    })
    .get('/recovery/approvals', async (c) => c.json(await listApprovals(ctx, c.get('session').actor)))
    .post('/recovery/actions/:id/approve', async (c) => {
      // The note is for people reading along; the decision is the route's, so the body is only checked.
      await parseBody(c, decideRecoveryActionBody);
      return c.json({ action: await approveRecoveryAction(ctx, c.get('session').actor, c.req.param('id')) });
    })
    .post('/recovery/actions/:id/refuse', async (c) => {
      await parseBody(c, decideRecoveryActionBody);
      return c.json({ action: await refuseRecoveryAction(ctx, c.get('session').actor, c.req.param('id')) });
    })
    .get('/recovery/settings', async (c) =>
      c.json({ settings: await readRecoverySettings(ctx, c.get('session').actor) }),
    )
    .put('/recovery/settings', async (c) => {
      const body = await parseBody(c, updateRecoverySettingsBody);
      const settings = await updateRecoverySettings(ctx, c.get('session').actor, body);
      deps.log.info(
        { by: c.get('session').agent.id, fields: Object.keys(body) },
        'recovery settings changed',
      );
      return c.json({ settings });
    });
}
