import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '@candor/protocol';
import type { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { storableStrings } from '../../domain/storable-text';
import { errorCodeOf } from '../../realtime/error-codes';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_frame: 400,
  unsupported_version: 400,
  not_ready: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  too_large: 413,
  rate_limited: 429,
  conflict: 409,
  unavailable: 503,
  internal: 500,
  identity_invalid: 401,
  identity_expired: 401,
  identity_replayed: 401,
  link_expired: 410,
  identity_required: 403,
  message_held: 422,
  not_verified: 403,
};

/** The REST error body: the same codes as WebSocket error frames. */
export function errorResponse(c: Context, err: unknown) {
  const { code, message, retryAfterMs, heldBecause } = errorCodeOf(err);
  if (heldBecause !== undefined) return c.json({ error: { code, message, heldBecause } }, STATUS[code]);
  if (retryAfterMs === undefined) return c.json({ error: { code, message } }, STATUS[code]);
  c.header('retry-after', String(Math.ceil(retryAfterMs / 1000)));
  return c.json({ error: { code, message, retryAfterMs } }, STATUS[code]);
}

/** Parses a JSON body with a protocol schema; bad input changes nothing and says what was wrong. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new DomainError('bad_frame', 'The body must be JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError(
      'bad_frame',
      `Invalid body at "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}.`,
    );
  }
  return storableStrings(parsed.data);
}
