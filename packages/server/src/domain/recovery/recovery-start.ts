/**
 * Starting a recovery conversation: how often (per visitor and per network, across nodes), and what its
 * first message says when the visitor wrote nothing of their own.
 */
import type { RecoverySituation } from '@candor/protocol';
import { fixedWindow, type LimitRule } from '../rate-limits';

export const RECOVERY_START_LIMITS: Record<
  'visitor' | 'address',
  { key: (id: string) => string; rule: LimitRule }
> = {
  visitor: {
    key: (visitorId) => `recovery-start:${visitorId}`,
    rule: fixedWindow({ limit: 5, windowMs: 60 * 60_000 }),
  },
  address: {
    key: (group) => `recovery-start-net:${group}`,
    rule: fixedWindow({ limit: 30, windowMs: 60 * 60_000 }),
  },
};

const OPENING: Record<'en' | 'fr', Record<RecoverySituation, string>> = {
  en: {
    locked_out: 'I can’t access my account: I am locked out.',
    hacked: 'I can’t access my account: I think it was hacked.',
    lost_second_factor: 'I can’t access my account: I lost my second sign-in step.',
    other: 'I can’t access my account.',
  },
  fr: {
    locked_out: 'Je n’arrive pas à accéder à mon compte : il est bloqué.',
    hacked: 'Je n’arrive pas à accéder à mon compte : je pense qu’il a été piraté.',
    lost_second_factor: 'Je n’arrive pas à accéder à mon compte : j’ai perdu ma seconde étape de connexion.',
    other: 'Je n’arrive pas à accéder à mon compte.',
  },
};

/** The visitor's words when given, else the situation they picked, in their language. */
export function openingMessage(
  situation: RecoverySituation,
  details: string | undefined,
  language: 'en' | 'fr',
): string {
  const own = details?.trim();
  return own ? own : OPENING[language][situation];
}
