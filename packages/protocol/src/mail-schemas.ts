/**
 * Offline messages and email (issue 13): a visitor's message left while the team is away, a transcript
 * asked for by email, and the development outbox admins read.
 */
import { z } from 'zod';
import { LIMITS } from './version';

const id = z.string().min(1).max(64);
const ref = z.string().min(1).max(64).optional();
const email = z.email().max(254);

/**
 * Visitor only: leave a message while the team is away. The email is stored as the visitor's
 * self-declared one (never finding nor merging with anyone else; a signed visitor keeps their site's),
 * the message starts a conversation agents see as left offline. Ack: `{ conversationId }`.
 */
export const leaveMessageFrame = z.object({
  type: z.literal('message.leave'),
  ref,
  email,
  clientKey: z.string().min(1).max(LIMITS.clientKeyMax),
  // Trimmed length is checked by the domain, as for message.send.
  body: z.string().max(LIMITS.messageBodyMax * 2),
});

/**
 * Visitor only: email me the transcript of this resolved conversation (its messages only: never notes).
 * `email` when typed; else the contact's. Limited per visitor (rate_limited). Ack: `{}` once queued.
 */
export const transcriptRequestFrame = z.object({
  type: z.literal('transcript.request'),
  ref,
  conversationId: id,
  email: email.optional(),
});

export const outboxMailSchema = z.object({
  id,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  createdAt: z.number().int(),
  /** 'sms': a text message kept instead of sent (no SMS provider); `to` is a phone, subject and html empty. */
  channel: z.enum(['email', 'sms']).optional(),
});

/** GET /api/v1/outbox: the development outbox, newest first (admins; empty when SMTP is configured). */
export const outboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const outboxResponse = z.object({
  /** false: mail goes out by SMTP and texts by the SMS provider, nothing is kept here. */
  enabled: z.boolean(),
  mails: z.array(outboxMailSchema),
});
