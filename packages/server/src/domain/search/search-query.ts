/**
 * A search as typed, read into what the stores match: every word must be found (AND), each through any
 * of its stems (OR). Limits keep a query cheap whatever is typed.
 */
import { LIMITS } from '@candor/protocol';
import { DomainError } from '../errors';
import { stemsOf, wordsOf } from './search-terms';

export const SEARCH_LIMITS = {
  /** Characters of a query as typed. */
  queryLength: LIMITS.searchQueryMax,
  /** Words kept from a query; more would only narrow the match and cost more. */
  queryWords: 8,
  pageMax: LIMITS.searchPageMax,
  pageDefault: 20,
  /** Matched messages returned per conversation. */
  matchesPerConversation: 3,
} as const;

export interface SearchTerms {
  /** One entry per query word: the stems any of which must be in a message. Never empty. */
  words: string[][];
}

export function parseSearchQuery(q: string): SearchTerms {
  if (q.length > SEARCH_LIMITS.queryLength)
    throw new DomainError('bad_frame', `A search is at most ${SEARCH_LIMITS.queryLength} characters`);
  const seen = new Set<string>();
  const words: string[][] = [];
  for (const word of wordsOf(q)) {
    if (seen.has(word.folded)) continue;
    seen.add(word.folded);
    words.push(stemsOf(word));
    if (words.length === SEARCH_LIMITS.queryWords) break;
  }
  if (words.length === 0)
    throw new DomainError('bad_frame', 'A search needs a word of at least two letters or digits');
  return { words };
}
