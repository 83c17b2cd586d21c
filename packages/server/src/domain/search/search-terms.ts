/**
 * How text becomes search terms, the same for every store: words are cut at anything that is not a
 * letter, digit or combining mark, folded (accents and case removed, ligatures spelled out) and stemmed
 * in French and in English, and a word's terms are both stems. A query word matches a stored word when
 * one of its stems is one of the stored word's, so "remboursé" finds "rembourser" and "refunded" finds
 * "refund". Computed here rather than by the database, so SQLite (FTS5, which has no French stemmer) and
 * PostgreSQL (whose unaccent extension may not be installable) index exactly the same terms.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';

/** A word of a text, with where it is (UTF-16 offsets, as JavaScript strings count). */
export interface Word {
  start: number;
  end: number;
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

export function fold(word: string): string {
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
    const folded = fold(match[0]);
    if (folded.length < 2 || folded.length > MAX_WORD_LENGTH) continue;
    words.push({ start: match.index, end: match.index + match[0].length, folded });
  }
  return words;
}

/** The terms one folded word stands for: its French and English stems (one term when they agree). */
export function stemsOf(folded: string): string[] {
  const fr = stemFrench(folded);
  const en = stemEnglish(folded);
  return fr === en ? [fr] : [fr, en];
}

/** Every distinct term of a text, in order of first appearance: what the index stores for a message. */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of wordsOf(text)) for (const stem of stemsOf(word.folded)) terms.add(stem);
  return [...terms];
}
