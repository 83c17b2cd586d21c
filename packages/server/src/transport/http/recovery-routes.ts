/**
 * Account recovery's REST routes for agents (issue 14): a case, sending a code to a contact on file,
 * and the audit trail. Thin: the rules are in commands/recovery and domain/recovery.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { sendRecoveryCodeBody } from '@candor/protocol/schemas';
import { readRecoveryCase } from '../../commands/recovery/read-case';
import { sendRecoveryCode } from '../../commands/recovery/send-code';
import { AUDIT_PAGE_MAX, listAuditEntries } from '../../commands/recovery/list-audit';
import { DomainError } from '../../domain/errors';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

/** Mounted inside conversationRoutes, behind its session check. */
export function conversationRecoveryRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>()
    .get('/:id/recovery', async (c) =>
      c.json({ recovery: await readRecoveryCase(ctx, c.get('session').actor, c.req.param('id')) }),
    )
    .post('/:id/recovery/codes', async (c) => {
      const body = await parseBody(c, sendRecoveryCodeBody);
      const code = await sendRecoveryCode(ctx, c.get('session').actor, c.req.param('id'), body);
      return c.json({ code }, 201);
    });
}

const auditQuery = z.object({
  conversationId: z.string().min(1).max(64).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});

export function auditRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>().use(requireAgent(deps)).get('/', async (c) => {
    const parsed = auditQuery.safeParse(c.req.query());
    if (!parsed.success)
      throw new DomainError('bad_frame', `Invalid query: ${parsed.error.issues[0]?.message ?? ''}`);
    const { conversationId, cursor, limit } = parsed.data;
    return c.json(
      await listAuditEntries(ctx, c.get('session').actor, {
        ...(conversationId === undefined ? {} : { conversationId }),
        ...(cursor === undefined ? {} : { cursor }),
        limit,
      }),
    );
  });
}
