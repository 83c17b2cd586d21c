/**
 * Tags on conversations: free labels agents add to find conversations again. Normalised so "Billing "
 * and "billing" are one tag, and bounded in length and count so a list cannot grow without limit.
 */
import { TOOL_LIMITS } from '@candor/protocol';
import { DomainError } from './errors';

/** Letters and digits of any script, with spaces, `-`, `_`, `.` and `:` inside. */
const TAG = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._:-]*[\p{L}\p{N}])?$/u;

/** One tag as stored: trimmed, inner spaces collapsed, lower-cased. Throws bad_frame when it cannot be one. */
export function normaliseTag(raw: string): string {
  const tag = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  if (tag.length === 0) throw new DomainError('bad_frame', 'A tag cannot be empty.');
  if (tag.length > TOOL_LIMITS.tagLengthMax) {
    throw new DomainError('too_large', `A tag has at most ${TOOL_LIMITS.tagLengthMax} characters.`);
  }
  if (!TAG.test(tag)) {
    throw new DomainError('bad_frame', 'A tag is letters and digits, with spaces, - _ . : inside.');
  }
  return tag;
}

/** The new list: normalised, without duplicates, sorted, at most TOOL_LIMITS.tagsPerConversation. */
export function normaliseTags(raw: readonly string[]): string[] {
  const tags = [...new Set(raw.map(normaliseTag))].sort();
  if (tags.length > TOOL_LIMITS.tagsPerConversation) {
    throw new DomainError('too_large', `A conversation has at most ${TOOL_LIMITS.tagsPerConversation} tags.`);
  }
  return tags;
}

/** What changed from one list to the next, for the activity trail. */
export function tagChanges(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  return {
    added: after.filter((t) => !before.includes(t)),
    removed: before.filter((t) => !after.includes(t)),
  };
}
