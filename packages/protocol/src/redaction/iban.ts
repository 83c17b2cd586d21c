import { placeholder } from './placeholders';
import { SPACE_OR_DASH } from './separators';
import type { Spans } from './spans';

/**
 * IBAN length per country, grouped by length: the ISO 13616 registry, plus the countries of the franc zones and the
 * Maghreb that use IBANs outside it. A country not listed is not an IBAN.
 */
const LENGTHS =
  '15NO16BE18DKFIFKFOGLNLSD19MKSI20ATBAEEKZLTLUMNXK21CHHRLILV22BGBHCRDEGBGEIEMERSVA23AEGIILIQOMSOTL24AD' +
  'CZESMDPKROSASESKTNVG25AOCVGWLYMZPTST26DZIRISTR27BICFCGCMDJFRGAGQGRITKMMCMGMRSMTD28ALAZBFBJBYCICYDOGT' +
  'HNHULBMAMLNENIPLSNSVTG29BREGPSQAUA30JOKWMUYE31MTSC32LC33RU';

const LENGTH: Record<string, number> = {};
for (let i = 0, n = 0; i < LENGTHS.length; i += 2) {
  const pair = LENGTHS.slice(i, i + 2);
  if (/\d/.test(pair)) n = +pair;
  else LENGTH[pair] = n;
}

export function ibanLength(country: string): number | undefined {
  return LENGTH[country];
}

/** ISO 7064 mod 97-10 over an uppercase, compact IBAN. */
export function mod97(iban: string): boolean {
  let m = 0;
  for (const c of iban.slice(4) + iban.slice(0, 4)) {
    const v = parseInt(c, 36);
    m = (m * (v > 9 ? 100 : 10) + v) % 97;
  }
  return m === 1;
}

/** A compact IBAN of a known country, of that country's length, with valid check digits. */
export function isIban(compact: string): boolean {
  return (
    /^[A-Z]{2}\d\d[A-Z\d]+$/.test(compact) &&
    ibanLength(compact.slice(0, 2)) === compact.length &&
    mod97(compact)
  );
}

const CANDIDATE = new RegExp(`\\b[a-z]{2}\\d\\d(?:${SPACE_OR_DASH}?[a-z\\d]){10,30}`, 'gi');
const ALNUM = /[a-z\d]/i;

/** How many characters of `s` (a candidate) form a valid IBAN ending at a word boundary; 0 if none. */
function ibanEnd(s: string, after: string): number {
  const want = ibanLength(s.slice(0, 2).toUpperCase());
  if (!want) return 0;
  let compact = '';
  for (let i = 0; i < s.length && compact.length < want; i++) {
    const c = s.charAt(i);
    if (!ALNUM.test(c)) continue;
    compact += c.toUpperCase();
    if (compact.length === want) return ALNUM.test(s.charAt(i + 1) || after) || !mod97(compact) ? 0 : i + 1;
  }
  return 0;
}

/** IBANs with or without separators (groups of four, or any single space or dash), case-insensitive. */
export function findIbans(text: string, spans: Spans): void {
  CANDIDATE.lastIndex = 0;
  for (let m; (m = CANDIDATE.exec(text));) {
    const start = m.index;
    const len = ibanEnd(m[0], text.charAt(start + m[0].length));
    const last4 = m[0]
      .slice(0, len)
      .replace(/[^a-z\d]/gi, '')
      .slice(-4)
      .toUpperCase();
    const ok =
      len > 0 &&
      spans.take({
        start,
        end: start + len,
        kind: 'iban',
        label: 'IBAN',
        placeholder: placeholder.iban(last4),
      });
    CANDIDATE.lastIndex = ok ? start + len : start + 1;
  }
}

/** An IBAN as it is typed, at the very end of a draft. */
const TYPED = new RegExp(`\\b[a-z]{2}\\d\\d(?:${SPACE_OR_DASH}?[a-z\\d])*${SPACE_OR_DASH}?$`, 'i');

/**
 * Where an IBAN still being typed starts, at the end of a draft: more than 4 of its characters
 * typed, fewer than its country's length. Once complete, findIbans decides.
 */
export function ibanBeingTyped(text: string): number | undefined {
  const m = TYPED.exec(text.slice(-80));
  if (!m) return undefined;
  const compact = m[0].replace(/[^a-z\d]/gi, '').toUpperCase();
  const want = ibanLength(compact.slice(0, 2));
  return want && compact.length > 4 && compact.length < want ? text.length - m[0].length : undefined;
}
