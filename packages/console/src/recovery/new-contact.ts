/**
 * The one field where an agent types contact details: the new contact of a "Change contact" request.
 * It is what the host site will set once the change goes ahead, never where a code goes (codes go only
 * to contacts on file, picked by id). Checked here for the agent's sake, within the limits of
 * `requestRecoveryActionBody` (3 to 254 characters); the server checks again. No zod in the console bundle.
 */
import type { RequestRecoveryActionBody } from '@candor/protocol';
import type { RecoveryTextKey } from './recovery-text';

export type NewContactChannel = 'email' | 'phone';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits with spaces, dots or dashes between, an optional leading +: 6 to 15 digits (E.164's longest). */
const PHONE = /^\+?\d[\d .-]*\d$/;

export type NewContactResult =
  { ok: true; body: RequestRecoveryActionBody } | { ok: false; error: RecoveryTextKey };

export function changeContactBody(channel: NewContactChannel, typed: string): NewContactResult {
  const value = typed.trim();
  const error: RecoveryTextKey = channel === 'email' ? 'newContactEmail' : 'newContactPhone';
  if (channel === 'email' && !EMAIL.test(value)) return { ok: false, error };
  if (channel === 'phone') {
    const digits = value.replace(/\D/g, '').length;
    if (!PHONE.test(value) || digits < 6 || digits > 15) return { ok: false, error };
  }
  if (value.length < 3 || value.length > 254) return { ok: false, error };
  return { ok: true, body: { action: 'change_contact', newContact: { channel, value } } };
}
