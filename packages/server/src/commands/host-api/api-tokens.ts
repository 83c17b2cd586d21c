/**
 * API tokens for the host site's back end (issue 14): admins create, list and revoke them; the token is
 * shown once and only its hash kept (auth/tokens.ts). A back end proves itself with
 * `Authorization: Bearer <token>`; each route names the scope it needs.
 */
import { randomUUID } from 'node:crypto';
import type { ApiToken, ApiTokenScope, CreateApiTokenBody, CreateApiTokenResponse } from '@candor/protocol';
import { hashToken, newToken } from '../../auth/tokens';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/types';
import type { ApiTokenRecord } from '../../storage/host-account-store';
import type { Store } from '../../storage/store';
import type { ChatContext } from '../context';

/** A prefix says what the secret is when it turns up in a log or a repository (and lets scanners find it). */
const PREFIX = 'cnd_';

export async function createApiToken(
  ctx: ChatContext,
  actor: Actor,
  body: CreateApiTokenBody,
): Promise<CreateApiTokenResponse> {
  const adminId = adminOf(actor);
  const token = `${PREFIX}${newToken()}`;
  const id = randomUUID();
  await ctx.store.createApiToken({
    id,
    name: body.name,
    tokenHash: hashToken(token),
    scopes: body.scopes,
    createdBy: adminId,
    createdAt: ctx.now(),
    lastUsedAt: null,
    revokedAt: null,
  });
  return { id, token };
}

export async function listApiTokens(ctx: ChatContext, actor: Actor): Promise<ApiToken[]> {
  adminOf(actor);
  return (await ctx.store.listApiTokens()).map(presentToken);
}

export async function revokeApiToken(ctx: ChatContext, actor: Actor, id: string): Promise<void> {
  adminOf(actor);
  if (!(await ctx.store.revokeApiToken(id, ctx.now())))
    throw new DomainError('not_found', 'No such token, or it was revoked already.');
}

/**
 * The token behind an Authorization header, if it is valid and has the scope; otherwise the error to
 * answer. Unknown, malformed and revoked tokens get the same answer.
 */
export async function authenticateApiToken(
  store: Store,
  header: string | undefined,
  scope: ApiTokenScope,
  now: number,
): Promise<ApiTokenRecord> {
  const token = /^Bearer\s+(\S{1,200})$/i.exec(header?.trim() ?? '')?.[1];
  const record = token?.startsWith(PREFIX) ? await store.findApiToken(hashToken(token)) : undefined;
  if (!record)
    throw new DomainError('unauthenticated', 'A valid API token is required (Authorization: Bearer …).');
  if (!record.scopes.includes(scope))
    throw new DomainError('forbidden', `This token lacks the "${scope}" scope.`);
  await store.touchApiToken(record.id, now);
  return record;
}

function presentToken(t: ApiTokenRecord): ApiToken {
  return {
    id: t.id,
    name: t.name,
    scopes: t.scopes,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}

function adminOf(actor: Actor): string {
  if (actor.kind !== 'agent' || actor.role !== 'admin') throw new DomainError('forbidden', 'Admins only.');
  return actor.agentId;
}
