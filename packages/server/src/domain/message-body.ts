import { LIMITS } from '@candor/protocol';
import { DomainError } from './errors';
import { storableText } from './storable-text';

/**
 * The body as stored: surrounding whitespace trimmed, line endings normalised, never empty,
 * never over the limit. Rejecting here means bad input changes nothing.
 */
export function normaliseBody(raw: string): string {
  const body = wellFormed(raw).replace(/\r\n?/g, '\n').trim();
  if (body.length === 0) throw new DomainError('bad_frame', 'A message cannot be empty.');
  if (body.length > LIMITS.messageBodyMax) {
    throw new DomainError('too_large', `A message is at most ${LIMITS.messageBodyMax} characters.`);
  }
  return body;
}

/** Text both stores keep as it is: lone surrogates and U+0000 become U+FFFD (see storable-text.ts). */
export const wellFormed = storableText;

/** One-line excerpt for inbox rows and notifications. */
export function previewOf(body: string, max = 140): string {
  const line = body.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
