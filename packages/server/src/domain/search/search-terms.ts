/**
 * How text becomes search terms, the same for every store: words are cut at anything that is not a
 * letter, digit or combining mark and stemmed in French and in English, both as written (in lower case:
 * French suffixes such as "-ée" are only seen with their accents) and folded (accents removed, ligatures
 * spelled out: what someone typing without accents gets); every stem is then folded. A query word
 * matches a stored word when they share a term, so "remboursée" finds "rembourser", "ete" finds "été"
 * and "refunded" finds "refund". Computed here rather than by the database, so SQLite (FTS5, which has no French stemmer) and
 * PostgreSQL (whose unaccent extension may not be installable) index exactly the same terms.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';

/** A word of a text, with where it is (UTF-16 offsets, as JavaScript strings count). */
export interface Word {
  start: number;
  end: number;
  /** The word in lower case, as written. */
  lower: string;
  /** The word folded: lower case, without accents. */
  folded: string;
}

/** Longer runs are ids, hashes or noise, not words anyone searches by: not indexed, not highlighted. */
export const MAX_WORD_LENGTH = 40;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}]/gu;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };
const LIGATURE = /[œæßøłđı]/g;

const ASCII_WORD = /^[A-Za-z0-9]*$/;
const ASCII_LOWER = /^[a-z0-9]*$/;

export function fold(word: string): string {
  if (ASCII_LOWER.test(word)) return word;
  return word
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(LIGATURE, (c) => LIGATURES[c] ?? c)
    .replace(NOT_WORD, '');
}

/** The words of a text worth indexing: two characters or more once folded (one-letter elisions go). */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const ascii = ASCII_WORD.test(match[0]);
    const lower = ascii ? match[0].toLowerCase() : match[0].normalize('NFC').toLowerCase();
    const folded = ascii ? lower : fold(match[0]);
    if (folded.length < 2 || folded.length > MAX_WORD_LENGTH) continue;
    words.push({ start: match.index, end: match.index + match[0].length, lower, folded });
  }
  return words;
}

/**
 * The terms one word stands for: its French and English stems, as written and folded, each folded. A
 * stem of fewer than 3 letters is the word itself: English would cut "été" to "et", and find it in
 * every French message.
 */
export function stemsOf(word: Pick<Word, 'lower' | 'folded'>): string[] {
  // A word with a digit is a number or a reference (an order, a parcel, a size): found as written, never
  // stemmed (a stemmer would cut "10ème" or "A12s"), and kept out of the cache, which such one-off words
  // would otherwise fill and flush.
  if (DIGIT.test(word.folded)) return [word.folded];
  const key = `${word.lower}\u0000${word.folded}`;
  const known = STEMS.get(key);
  if (known !== undefined) return known;
  const stems = new Set<string>();
  for (const form of word.lower === word.folded ? [word.folded] : [word.lower, word.folded])
    for (const stem of [stemFrench(form), stemEnglish(form)]) {
      const folded = fold(stem);
      stems.add(folded.length < MIN_STEM_LENGTH ? word.folded : folded);
    }
  const result = [...stems];
  // Chat vocabulary is small and skewed: remembering stems makes indexing a message several times cheaper.
  // Cleared whole when full, which is simpler than an LRU and costs one cold pass over the common words.
  if (STEMS.size >= STEM_CACHE_SIZE) STEMS.clear();
  STEMS.set(key, result);
  return result;
}

const STEM_CACHE_SIZE = 50_000;
const STEMS = new Map<string, string[]>();
const MIN_STEM_LENGTH = 3;
const DIGIT = /\p{N}/u;

/** Every distinct term of a text, in order of first appearance: what the index stores for a message. */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of wordsOf(text)) for (const stem of stemsOf(word)) terms.add(stem);
  return [...terms];
}

/**
 * A message's terms as one string: the stems joined by spaces (a stem never holds one). One string binds
 * far cheaper than a text[] a driver quotes element by element, and crosses to a worker thread as one.
 */
export function joinedTerms(body: string): string {
  return indexTerms(body).join(' ');
}
