/**
 * The host site's back end and Candor (issue 14): API tokens an admin creates for it, and the accounts
 * it keeps on file (the contacts a recovery code may go to).
 */
import { z } from 'zod';

export const API_TOKEN_SCOPES = [
  'accounts:write',
  'accounts:read',
  'conversations:read',
  'webhooks:write',
] as const;
export const apiTokenScope = z.enum(API_TOKEN_SCOPES);

export const createApiTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(apiTokenScope)
    .min(1)
    .max(API_TOKEN_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, 'scopes must not repeat'),
});

/** The token itself is in this answer only: Candor keeps its hash. */
export const createApiTokenResponse = z.object({ id: z.string(), token: z.string() });

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(apiTokenScope),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});

export const apiTokensResponse = z.object({ tokens: z.array(apiTokenSchema) });

/** The host's own id for an account: what it calls the account, kept as given. */
export const externalAccountId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

/** E.164-ish: a leading + and 8 to 15 digits, spaces, dots, dashes and brackets allowed for reading. */
const phone = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+[\d\s().-]+$/, 'a phone number in international form (+33 6 12 34 56 78)')
  .refine((p) => {
    const n = p.replace(/\D/g, '').length;
    return n >= 8 && n <= 15;
  }, 'a phone number has 8 to 15 digits');

/** Absent: unchanged. A new value replaces the current one, which stays on file (see docs/privacy.md). */
export const putAccountBody = z
  .object({
    email: z.email().max(254).optional(),
    phone: phone.optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const accountSchema = z.object({
  externalId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  updatedAt: z.number().int(),
});

export const accountResponse = z.object({ account: accountSchema });
