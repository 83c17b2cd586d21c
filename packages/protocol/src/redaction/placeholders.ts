/**
 * What replaces each kind of secret. None of them can be matched by a detector, and all of them are
 * locked by `lockPattern` when redacting again.
 */
export const placeholder = {
  card: (last4: string) => `card •••• ${last4}`,
  iban: (last4: string) => `IBAN •••• ${last4}`,
  code: '[code hidden]',
  password: '[password hidden]',
  apiKey: '[API key hidden]',
  token: '[token hidden]',
  privateKey: '[private key hidden]',
  custom: (label: string) => `[${label} hidden]`,
};

import { GROUP_SEPARATOR, SPACE_OR_DASH } from './separators';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches every placeholder `redact` may write, given the labels of the admins' rules. "card •••• 4242"
 * typed before more digits is no placeholder: the digits after it are redacted as usual.
 */
export function lockPattern(labels: readonly string[]): RegExp {
  const names = ['code', 'password', 'API key', 'token', 'private key', ...labels].map(escape).join('|');
  return new RegExp(
    `card •••• \\d{4}(?!${GROUP_SEPARATOR}?\\d)|IBAN •••• [A-Z\\d]{4}(?!${SPACE_OR_DASH}?[A-Z\\d])|\\[(?:${names}) hidden\\]`,
    'g',
  );
}
