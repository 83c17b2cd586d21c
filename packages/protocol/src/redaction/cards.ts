import type { DigitRun } from './digit-runs';
import { luhn } from './luhn';
import { placeholder } from './placeholders';
import type { Spans } from './spans';

/**
 * Luhn-valid by design but not cards (IMEI, SIRET), by the word right before. Order and tracking
 * numbers are not excluded: masking one by chance costs less than showing a card.
 */
const NOT_A_CARD = /(?:imei|siret|siren)\W{0,12}$/i;
const LETTER = /[\p{L}_]/u;

/** Whether groups [i, k) can be a card as typed: one block, or a first group of 4+ and no tiny ones. */
function grouped(groups: string[], i: number, k: number): boolean {
  return k === i + 1 || (groups[i]!.length >= 4 && groups.slice(i + 1, k - 1).every((g) => g.length >= 3));
}

/** The card in groups [i, …) of a run, longest first: where it ends, or -1. */
function cardAt(text: string, run: DigitRun, i: number): number {
  const groups = run.groups;
  let digits = groups.slice(i).join('');
  for (let k = groups.length; k > i && digits.length >= 13; k--) {
    const fits = digits.length <= 19 && grouped(groups, i, k) && !LETTER.test(text.charAt(run.ends[k - 1]!));
    if (fits && /^[2-6]/.test(digits) && luhn(digits)) return k;
    digits = digits.slice(0, digits.length - groups[k - 1]!.length);
  }
  return -1;
}

/** Whether findCards would take the whole run as one card: the draft then shows its placeholder. */
export function wholeCard(text: string, run: DigitRun): boolean {
  return (
    !LETTER.test(text.charAt(run.start - 1)) &&
    !NOT_A_CARD.test(text.slice(Math.max(0, run.start - 20), run.start)) &&
    cardAt(text, run, 0) === run.groups.length
  );
}

/**
 * Payment cards: 13 to 19 digits, grouped any way with spaces, dashes or dots, Luhn-valid, with the
 * leading digit of a payment network (2 to 6). A run may carry more digits after a card (expiry, CVC,
 * a second card): the longest valid leading groups are taken, then the rest is searched again.
 * Not inside a word.
 */
export function findCards(text: string, spans: Spans, runs: readonly DigitRun[]): void {
  for (const run of runs) {
    if (run.end - run.start < 13 || LETTER.test(text.charAt(run.start - 1))) continue;
    if (NOT_A_CARD.test(text.slice(Math.max(0, run.start - 20), run.start))) continue;
    for (let i = 0, k = 0; i < run.groups.length && (k = cardAt(text, run, i)) > 0; i = k) {
      const start = run.ends[i]! - run.groups[i]!.length;
      const digits = run.groups.slice(i, k).join('');
      const span = { start, end: run.ends[k - 1]!, kind: 'card', label: 'card' } as const;
      spans.take({ ...span, placeholder: placeholder.card(digits.slice(-4)) });
    }
  }
}
