/**
 * Where recovery conversations go, and how long a replaced contact can still receive a code: the
 * recovery settings' answers (an admin sets them; helper A2 reads them here). Until then: the inbox's
 * usual routing, and the domain's 30 days.
 */
import { RECENTLY_REPLACED_MS } from '../../domain/recovery/contact-on-file';
import type { ChatContext } from '../context';

/** The team recovery conversations are routed to; null: the inbox's usual routing. */
export function recoveryTeamId(_ctx: ChatContext): Promise<string | null> {
  return Promise.resolve(null);
}

/** A contact replaced within this long can still receive a code (with a second person's approval). */
export function recentlyReplacedMs(_ctx: ChatContext): Promise<number> {
  return Promise.resolve(RECENTLY_REPLACED_MS);
}
