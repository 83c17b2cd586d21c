/**
 * The contacts a recovery code may go to: those the host registered for the account (never one given in
 * the chat), shown to agents masked. A contact replaced recently can still receive a code, because a
 * thief's first move is to change the email; a code sent there needs a second person's approval before
 * any action (action-gate.ts).
 */

export type ContactChannel = 'email' | 'phone';

/** One registered value of a contact, with when it was set and, once replaced, when. */
export interface ContactVersion {
  channel: ContactChannel;
  value: string;
  setAt: number;
  replacedAt: number | null;
}

export type ContactStanding = 'current' | 'recently_replaced';

export interface Reachable {
  channel: ContactChannel;
  value: string;
  standing: ContactStanding;
  /** What an agent sees: `e•••@example.com`, `+33 •• •• •• 78`. */
  masked: string;
}

export const RECENTLY_REPLACED_MS = 30 * 24 * 60 * 60_000;

/** The contacts a code may be sent to now: current ones first, then those replaced within the window. */
export function reachableContacts(
  history: readonly ContactVersion[],
  now: number,
  recentMs: number = RECENTLY_REPLACED_MS,
): Reachable[] {
  const reachable: Reachable[] = [];
  for (const v of history) {
    if (v.setAt > now) continue;
    const standing: ContactStanding | undefined =
      v.replacedAt === null || v.replacedAt > now
        ? 'current'
        : now - v.replacedAt <= recentMs
          ? 'recently_replaced'
          : undefined;
    if (standing) reachable.push({ channel: v.channel, value: v.value, standing, masked: maskContact(v) });
  }
  return reachable.sort((a, b) => rank(a.standing) - rank(b.standing));
}

const rank = (s: ContactStanding) => (s === 'current' ? 0 : 1);

/** When the account's contacts last changed (the newest replacement), or null: a takeover signal. */
export function lastContactChange(history: readonly ContactVersion[], now: number): number | null {
  let last: number | null = null;
  for (const v of history)
    if (v.replacedAt !== null && v.replacedAt <= now && (last === null || v.replacedAt > last))
      last = v.replacedAt;
  return last;
}

export function maskContact({ channel, value }: Pick<ContactVersion, 'channel' | 'value'>): string {
  return channel === 'email' ? maskEmail(value) : maskPhone(value);
}

/** The first character of the local part and the whole domain: enough to recognise, not to write to. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  const first = [...email.slice(0, at)][0] ?? '';
  return `${first}•••@${email.slice(at + 1)}`;
}

/** The country code when written, and the last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '•••';
  const country = phone.trim().startsWith('+') ? `+${digits.slice(0, 2)} ` : '';
  return `${country}•• •• •• ${digits.slice(-2)}`;
}
