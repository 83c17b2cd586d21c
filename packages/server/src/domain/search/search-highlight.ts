/**
 * Where a message matches a search, as ranges the console marks itself (it never renders HTML from the
 * server), and the part of a long message to show around the first match.
 */
import type { SearchTerms } from './search-query';
import { stemsOf, wordsOf } from './search-terms';

export interface Range {
  start: number;
  end: number;
}

export interface Snippet {
  text: string;
  /** UTF-16 offsets into `text`, ascending, not overlapping. */
  highlights: Range[];
  /** Text was cut before / after the snippet. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** Characters of a message shown around its first match. */
export const SNIPPET_LENGTH = 200;

export function matchRanges(body: string, terms: SearchTerms): Range[] {
  const wanted = new Set(terms.words.flat());
  return wordsOf(body)
    .filter((word) => stemsOf(word).some((stem) => wanted.has(stem)))
    .map(({ start, end }) => ({ start, end }));
}

export function snippetOf(body: string, terms: SearchTerms, length = SNIPPET_LENGTH): Snippet {
  const ranges = matchRanges(body, terms);
  if (body.length <= length) return { text: body, highlights: ranges, cutBefore: false, cutAfter: false };
  const first = ranges[0]?.start ?? 0;
  // A little context before the first match; never cut inside a surrogate pair.
  let start = Math.max(0, Math.min(first - Math.floor(length / 4), body.length - length));
  if (isLowSurrogate(body.charCodeAt(start))) start += 1;
  let end = Math.min(body.length, start + length);
  if (end < body.length && isLowSurrogate(body.charCodeAt(end))) end -= 1;
  const highlights = ranges
    .filter((r) => r.start >= start && r.end <= end)
    .map((r) => ({ start: r.start - start, end: r.end - start }));
  return { text: body.slice(start, end), highlights, cutBefore: start > 0, cutAfter: end < body.length };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
