/**
 * The host site's back end and Candor (issue 14): API tokens an admin creates for it, and the accounts
 * it keeps on file (the contacts a recovery code may go to).
 */
import { z } from 'zod';
import { API_TOKEN_SCOPES, WEBHOOK_EVENTS } from './host-api';

export { API_TOKEN_SCOPES, WEBHOOK_EVENTS };
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

export const webhookEvent = z.enum(WEBHOOK_EVENTS);

export const createWebhookBody = z.object({
  url: z.string().trim().min(1).max(2000),
  events: z
    .array(webhookEvent)
    .min(1)
    .max(WEBHOOK_EVENTS.length)
    .refine((e) => new Set(e).size === e.length, 'events must not repeat'),
});

/** The signing secret (`whsec_…`, Standard Webhooks) is in this answer only. */
export const createWebhookResponse = z.object({ id: z.string(), secret: z.string() });

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  createdAt: z.number().int(),
  disabledAt: z.number().int().nullable(),
  disabledReason: z.string().nullable(),
});
export const webhooksResponse = z.object({ webhooks: z.array(webhookSchema) });

export const webhookDeliverySchema = z.object({
  id: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.number().int(),
  doneAt: z.number().int().nullable(),
});
export const webhookDeliveriesResponse = z.object({ deliveries: z.array(webhookDeliverySchema) });

/**
 * The `data` of `recovery.action.approved` and `recovery.action.refused` (the envelope is Standard
 * Webhooks': `{ type, timestamp, data }`). The host performs an approved action on `account` (its own
 * external id) and ignores an event id it has seen (deliveries are at least once).
 */
export const recoveryDecisionEventData = z.object({
  /** The action's id in Candor: the same across retries of one decision. */
  actionId: z.string(),
  account: z.string(),
  action: z.enum(['unlock', 'reset_second_factor', 'change_contact']),
  conversationId: z.string(),
  /** How the visitor was proven: a code to a current contact, or to one replaced recently. */
  verification: z.enum(['code_current', 'code_recently_replaced', 'none']),
  /** change_contact, approved: the contact the host should set, in full. */
  newContact: z.object({ channel: z.enum(['email', 'phone']), value: z.string() }).optional(),
  requestedBy: z.object({ id: z.string(), name: z.string() }),
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Refused only: why. */
  reason: z.string().optional(),
  decidedAt: z.number().int(),
});
