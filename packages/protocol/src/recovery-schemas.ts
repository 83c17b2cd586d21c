/**
 * Secure account recovery (issue 14): the frames and REST shapes of a recovery conversation. Kept apart
 * from schemas.ts, which re-exports everything here and lists the frames in its unions.
 *
 * What never crosses the wire: a code (it goes from the visitor's secure field to the server only, and
 * from the server to the contact on file only), a full contact address to an agent (agents see masks),
 * and, to the visitor, whether the account they named exists (every visitor-facing answer is the same
 * either way until they have proven it with a code).
 */
import { z } from 'zod';
import { RECOVERY_ACTIONS, RECOVERY_SITUATIONS, TAKEOVER_SIGNALS } from './recovery';

export { RECOVERY_ACTIONS, RECOVERY_SITUATIONS, TAKEOVER_SIGNALS };

const id = z.string().min(1).max(64);
const ref = z.string().min(1).max(64).optional();

export const recoveryActionSchema = z.enum(RECOVERY_ACTIONS);

export const recoverySituationSchema = z.enum(RECOVERY_SITUATIONS);

export const contactChannelSchema = z.enum(['email', 'phone']);
/** current: on file now; recently_replaced: replaced within the window (a code there needs approval). */
export const contactStandingSchema = z.enum(['current', 'recently_replaced']);

// ---------- client -> server frames (visitor) ----------

/**
 * Visitor: "I can't access my account". Opens a recovery conversation routed to the recovery team. The
 * ack carries the new conversation (with `recovery: true`), the same whether or not the account exists.
 */
export const recoveryStartFrame = z.object({
  type: z.literal('recovery.start'),
  ref,
  /** The account as the visitor names it: an email or a username. */
  account: z.string().trim().min(1).max(254),
  situation: recoverySituationSchema,
  /** Optional words of their own; posted as their first message (redaction rules apply). */
  details: z.string().max(2000).optional(),
  clientKey: z.string().min(1).max(64),
});

/**
 * Visitor: a code typed in the widget's secure field, never in the message box. Never stored as a
 * message nor sent on to any agent. The ack carries `codeResult`.
 */
export const recoveryCodeFrame = z.object({
  type: z.literal('recovery.code'),
  ref,
  conversationId: id,
  code: z.string().min(1).max(32),
});

/**
 * What a try did, as the visitor is told. `wrong` also answers a try when no code was sent (no account,
 * or none yet), so the answer reveals nothing the visitor has not proven.
 */
export const codeResultSchema = z.object({
  outcome: z.enum(['verified', 'wrong', 'expired', 'too_many_tries']),
});

// ---------- server -> client frames ----------

/** What the visitor's widget shows of a recovery conversation: never anything that says the account exists. */
export const recoveryVisitorStateSchema = z.object({
  /** A code was asked for: "if the account has contact details on file, a code is on its way". */
  codeRequestedAt: z.number().int().nullable(),
  /** When that code stops working (the field says so). */
  codeExpiresAt: z.number().int().nullable(),
  /** The visitor proved the account with a code (at this time). */
  verifiedAt: z.number().int().nullable(),
});

/** To the visitor of a recovery conversation: its state changed (a code was asked for, or verified). */
export const recoveryStatusFrame = z.object({
  type: z.literal('recovery.status'),
  conversationId: id,
  state: recoveryVisitorStateSchema,
});

/**
 * To agents of the inbox (and supervisors): a recovery case changed (code sent or verified, action
 * requested, approved, refused, stopped, a takeover signal). Read it again with
 * `GET /api/v1/conversations/{id}/recovery` when shown.
 */
export const recoveryChangedFrame = z.object({
  type: z.literal('recovery.changed'),
  conversationId: id,
  /** A new takeover signal: supervisors' consoles raise it. */
  signal: z.boolean().optional(),
});

// ---------- REST (agent session) ----------

export const recoveryContactSchema = z.object({
  /** Opaque: the agent picks a contact by id; its value never reaches the console. */
  id: z.string(),
  channel: contactChannelSchema,
  /** `e•••@example.com`, `+33 •• •• •• 78` */
  masked: z.string(),
  standing: contactStandingSchema,
});

export const recoveryCodeViewSchema = z.object({
  id: z.string(),
  purpose: recoveryActionSchema,
  channel: contactChannelSchema,
  masked: z.string(),
  standing: contactStandingSchema,
  sentAt: z.number().int(),
  expiresAt: z.number().int(),
  status: z.enum(['pending', 'verified', 'expired', 'used_up']),
});

/** "verified by a code sent to e•••@example.com at 14:02": what the agent sees of a proof. */
export const recoveryVerificationSchema = z.object({
  purpose: recoveryActionSchema,
  channel: contactChannelSchema,
  masked: z.string(),
  standing: contactStandingSchema,
  at: z.number().int(),
});

export const recoveryActionStatusSchema = z.enum([
  'awaiting_approval',
  'cooling_off',
  'approved',
  'refused',
  'stopped_by_old_contact',
]);

export const recoveryRefusalReasonSchema = z.enum([
  'not_verified',
  'verification_expired',
  'self_approval',
  'approver_not_allowed',
  'stopped_by_old_contact',
  'refused_by_approver',
]);

const person = z.object({ id: z.string(), name: z.string() });

export const recoveryActionViewSchema = z.object({
  id: z.string(),
  action: recoveryActionSchema,
  status: recoveryActionStatusSchema,
  reason: recoveryRefusalReasonSchema.nullable(),
  requestedBy: person,
  approvedBy: person.nullable(),
  /** change_contact: the new contact, masked (the host receives it in full in the webhook). */
  newContactMasked: z.string().nullable(),
  /** cooling_off: when the action goes ahead unless the old contact stops it. */
  coolingOffUntil: z.number().int().nullable(),
  createdAt: z.number().int(),
  decidedAt: z.number().int().nullable(),
});

export const takeoverSignalSchema = z.object({
  kind: z.enum(TAKEOVER_SIGNALS),
  at: z.number().int(),
});

/** A recovery case as agents see it: `GET /api/v1/conversations/{id}/recovery`. */
export const recoveryCaseSchema = z.object({
  conversationId: z.string(),
  /** What the visitor typed to name the account. */
  claimedAccount: z.string(),
  situation: recoverySituationSchema,
  /** The account on file it matched (by external id, email or phone), or null: none. */
  account: z.object({ externalId: z.string(), name: z.string().nullable() }).nullable(),
  contacts: z.array(recoveryContactSchema),
  codes: z.array(recoveryCodeViewSchema),
  verifications: z.array(recoveryVerificationSchema),
  actions: z.array(recoveryActionViewSchema),
  signals: z.array(takeoverSignalSchema),
  createdAt: z.number().int(),
});
export const recoveryCaseResponse = z.object({ recovery: recoveryCaseSchema });

/** `POST /api/v1/conversations/{id}/recovery/codes`: send a code to a contact on file (by its id). */
export const sendRecoveryCodeBody = z
  .object({ contactId: z.string().min(1).max(64), purpose: recoveryActionSchema })
  .strict();
export const sendRecoveryCodeResponse = z.object({ code: recoveryCodeViewSchema });

/** `POST /api/v1/conversations/{id}/recovery/actions`: ask for an action; the server decides. */
export const requestRecoveryActionBody = z
  .object({
    action: recoveryActionSchema,
    /** change_contact only: the new email or phone the host should set. */
    newContact: z
      .object({ channel: contactChannelSchema, value: z.string().trim().min(3).max(254) })
      .strict()
      .optional(),
  })
  .strict();
export const recoveryActionResponse = z.object({ action: recoveryActionViewSchema });

/** `POST /api/v1/recovery/actions/{id}/approve` and `/refuse` (supervisors and admins, never the requester). */
export const decideRecoveryActionBody = z.object({ note: z.string().max(500).optional() }).strict();

/** `GET /api/v1/recovery/approvals`: actions awaiting a second person, with their conversation. */
export const recoveryApprovalsResponse = z.object({
  approvals: z.array(recoveryActionViewSchema.extend({ conversationId: z.string() })),
});

/** `GET/PUT /api/v1/recovery/settings` (admins): stricter per action than the floor, never looser. */
export const recoveryActionSettingSchema = z.object({
  approval: z.boolean(),
  coolingOffHours: z
    .number()
    .min(0)
    .max(30 * 24),
});
export const recoverySettingsSchema = z.object({
  /** The team recovery conversations are routed to (null: the inbox's usual routing). */
  teamId: z.string().nullable(),
  /** A contact replaced within this many days can still receive a code (with approval). */
  recentlyReplacedDays: z.number().int().min(1).max(90),
  actions: z.object({
    unlock: recoveryActionSettingSchema,
    reset_second_factor: recoveryActionSettingSchema,
    change_contact: recoveryActionSettingSchema,
  }),
});
export const updateRecoverySettingsBody = recoverySettingsSchema.partial().strict();

/** `POST /api/v1/support-references` (agents): a short reference a customer can check on /verify. */
export const createSupportReferenceBody = z.object({ conversationId: id.optional() }).strict();
export const supportReferenceSchema = z.object({
  reference: z.string(),
  issuedAt: z.number().int(),
  expiresAt: z.number().int(),
});

/** `POST /api/v1/support-references/revoke` (the agent who gave it, supervisors, admins). */
export const revokeSupportReferenceBody = z.object({ reference: z.string().min(1).max(64) }).strict();

/** `POST /api/v1/help/verify` (public): is this reference genuine and current? */
export const verifyReferenceBody = z.object({ reference: z.string().min(1).max(64) }).strict();
export const verifyReferenceResponse = z.object({
  genuine: z.boolean(),
  /** Genuine ones only: the agent's display name and when it stops being valid. */
  agentName: z.string().optional(),
  expiresAt: z.number().int().optional(),
});

/** An audit entry (`GET /api/v1/audit`, admins and supervisors): who did what, when, where; never a code. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.number().int(),
  actor: z.object({
    type: z.enum(['agent', 'visitor', 'host', 'system', 'contact']),
    id: z.string().nullable(),
    name: z.string().nullable(),
  }),
  /** e.g. recovery.code.sent, recovery.code.tried, recovery.action.requested, recovery.action.approved */
  action: z.string(),
  conversationId: z.string().nullable(),
  /** The account's external id, when the entry is about one. */
  accountId: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export const auditResponse = z.object({
  entries: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});
