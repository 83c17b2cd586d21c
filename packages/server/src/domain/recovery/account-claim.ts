/**
 * The account a visitor names when they cannot get in: the host's external id, or an email or phone on
 * file. Normalised the way accounts on file are stored (emails lower case, phones as + and digits), so
 * one look-up finds it. Which account it is, if any, is decided here from what the store found; what
 * the visitor is told never depends on it.
 */
import type { ContactChannel } from './contact-on-file';

export interface AccountClaim {
  /** Looked up as an external id as typed (trimmed). */
  externalId: string;
  /** Looked up among contacts (current or replaced), normalised; undefined when it is neither. */
  contact: { channel: ContactChannel; value: string } | undefined;
}

export function parseClaim(typed: string): AccountClaim {
  const externalId = typed.trim();
  if (externalId.includes('@'))
    return { externalId, contact: { channel: 'email', value: externalId.toLowerCase() } };
  if (/^\+?[\d\s().-]+$/.test(externalId)) {
    const digits = externalId.replace(/\D/g, '');
    if (digits.length >= 8 && digits.length <= 15)
      return { externalId, contact: { channel: 'phone', value: `+${digits}` } };
  }
  return { externalId, contact: undefined };
}

export interface ClaimFindings {
  /** An account whose external id is exactly what was typed. */
  byExternalId: string | undefined;
  /** Accounts with that contact, and when it was replaced (null: current). */
  byContact: readonly { externalId: string; replacedAt: number | null }[];
  now: number;
  /** A contact replaced longer ago than this no longer names its account. */
  recentMs: number;
}

/** The account meant: the external id first, then a current contact, then the latest recently replaced. */
export function matchedAccount(f: ClaimFindings): string | null {
  if (f.byExternalId !== undefined) return f.byExternalId;
  const current = f.byContact.find((m) => m.replacedAt === null);
  if (current) return current.externalId;
  let best: { externalId: string; replacedAt: number } | undefined;
  for (const m of f.byContact)
    if (
      m.replacedAt !== null &&
      f.now - m.replacedAt <= f.recentMs &&
      (!best || m.replacedAt > best.replacedAt)
    )
      best = { externalId: m.externalId, replacedAt: m.replacedAt };
  return best?.externalId ?? null;
}
