import type { DigitRun } from './digit-runs';
import { placeholder } from './placeholders';
import { SPACE_OR_DASH } from './separators';
import type { Spans } from './spans';

/**
 * Cue words, EN and FR; group 1: a card security code cue, which also allows 3 digits. A cue followed
 * by a qualifier that makes it harmless (code postal...) is no cue, and hides the cues before it.
 */
const CUE =
  /\b(?:(?:pass|digi)?codes?(?: (?:sms|pin|secret|confidentiel))?|otp|pins?|2fa|mfa|one[- ]time|v[ée]rification|usage unique|token|(cvv2?|cvc|cryptogramme))\b(?!\s*(?:postal|promo|pays|d?['’]?erreur|de (?:suivi|commande|r[ée]duction)|article|produit|client|banque|guichet))/gi;
/** The same, before the cue: zip code, promo code... */
const HARMLESS_BEFORE = /(?:zip|postal|post|promo|discount|coupon|error|status|product|tracking)[ -]$/i;
/** Words saying that the number after them is a reference, a place, a price... not a code. */
const NOT_A_CODE =
  /(?:^|[^a-zà-ÿ\d])(?:(?:order|commande|room|chambre|ticket|invoice|facture|parcel|dossier|flight|seat|page|step|[ée]tape|version|amount|montant|client|customer|member|membre|article|item|floor|[ée]tage)s?|r[ée]f[a-zà-ÿ]*|suivi|colis|vol|price|prix|total|s[ée]rie|serial|postal|zip|rue|street|avenue|apt|appartement|apartment|tracking)(?![a-zà-ÿ\d])|#|n[°º]/i;
/** Only right before the number: "the code sent to my phone is 482913" is a code. */
const PHONE_BEFORE = /(?:t[ée]l[a-zà-ÿ]*|phone|call|appel[a-zà-ÿ]*|mobile|portable|fax|ext)\W*$/i;
/** A number, then this, then a cue: "482913 is my code", "482913, c'est le code de vérification". */
const LINK_AFTER =
  /^\s*,?\s*(?:is|was|as|est|c['’]est|[=:(–—-])\s*(?:(?:my|the|your|our|mon|ma|le|la|ton|votre|notre|an?|une?)\s+)?(?:[\p{L}-]+\s+)?$/iu;
/** Cue and number close ("code: 2019", "my PIN is 1987"): needed for years and prices. */
const TIGHT = /^\W*(?:[\p{L}'’]+\W+){0,2}$/u;
const YEAR = /^(?:19|20)\d\d$/;
const YEAR_BEFORE = /(?:^|[^\p{L}])(?:in|en|since|depuis|until|from|d[eu]|of|to|à|au|year|ann[ée]e)\W*$/iu;
const UNIT_AFTER = /^ ?(?:[€$£%]|(?:eur|euros?|usd|gbp|chf|dollars?)(?![\p{L}\d]))/iu;

interface Cue {
  start: number;
  end: number;
  ok: boolean;
  cvv: boolean;
}

const ONE_SEPARATOR = new RegExp(`^${SPACE_OR_DASH}$`);

/** How many digits, when the run can be a code: 3 to 8 digits, at most two equal halves. */
export function shaped(run: DigitRun): number {
  const g = run.groups;
  const n = g.join('').length;
  if (g.length > 2 || (g.length === 2 && (!ONE_SEPARATOR.test(run.seps) || g[0]!.length !== g[1]!.length)))
    return 0;
  return n >= 3 && n <= 8 ? n : 0;
}

/** Not glued to a word, a sign, a decimal or a unit. */
export function standalone(text: string, run: DigitRun): boolean {
  const prev = text.charAt(run.start - 1);
  const next = text.charAt(run.end);
  if (/[\p{L}\d_+#$€£/@)°º]/u.test(prev) || /[\p{L}_%€$£°/@]/u.test(next)) return false;
  if (/[,:]/.test(next) && /\d/.test(text.charAt(run.end + 1))) return false;
  return !/(?:[€$£]|eur|usd|gbp)\s?$/i.test(text.slice(Math.max(0, run.start - 4), run.start));
}

/** Followed by a currency or a percent sign: "1500 €", "20%". */
const priced = (text: string, run: DigitRun) => UNIT_AFTER.test(text.slice(run.end, run.end + 8));

/** The words between the last number (or the start) and the end of `s`. */
const afterDigits = (s: string) => s.replace(/^[\s\S]*\d/, '');

function cuedBefore(text: string, cue: Cue, run: DigitRun, n: number): boolean {
  if (!cue.ok || run.start - cue.end > (cue.cvv ? 20 : 40) || n < (cue.cvv ? 3 : 4) || (cue.cvv && n > 4))
    return false;
  const seg = text.slice(cue.end, run.start);
  const tail = afterDigits(seg);
  if (NOT_A_CODE.test(tail) || PHONE_BEFORE.test(tail)) return false;
  const tight = TIGHT.test(seg);
  if ((YEAR.test(run.groups[0]!) && (!tight || YEAR_BEFORE.test(seg))) || (priced(text, run) && !tight))
    return false;
  // "..., 75011 Paris": a postcode, unless close or linked to the cue ("le code reçu est le 75011").
  const postcode = n === 5 && /^ [A-ZÀ-Þ][a-zß-ÿ]/.test(text.slice(run.end, run.end + 3));
  return !postcode || tight || /(?:is|est|c['’]est|le|the|was|:|=)\s*$/i.test(tail);
}

function cuedAfter(text: string, cue: Cue, run: DigitRun, n: number): boolean {
  if (!cue.ok || n < 4 || cue.start - run.end > 30) return false;
  const seg = text.slice(run.end, cue.start);
  const before = afterDigits(text.slice(Math.max(0, run.start - 24), run.start));
  if (!LINK_AFTER.test(seg) || NOT_A_CODE.test(seg) || NOT_A_CODE.test(before) || priced(text, run))
    return false;
  return !(YEAR.test(run.groups[0]!) && YEAR_BEFORE.test(before));
}

/**
 * One-time codes, PINs and card security codes given in context: 4 to 8 digits (one space or dash in
 * the middle allowed: "482 913"), with a cue word up to 40 characters before ("mon code est 4829",
 * "the code they sent me by SMS is 482913") or linked right after ("482913 is my code"). Reference,
 * price and address words between the cue and the number cancel it.
 */
export function findCodes(text: string, spans: Spans, runs: readonly DigitRun[]): void {
  const candidates = runs.filter((r) => shaped(r) && standalone(text, r));
  if (!candidates.length) return;
  const cues: Cue[] = [];
  for (const m of text.matchAll(CUE)) {
    const ok = !HARMLESS_BEFORE.test(text.slice(Math.max(0, m.index - 10), m.index));
    cues.push({ start: m.index, end: m.index + m[0].length, ok, cvv: !!m[1] });
  }
  for (const run of candidates) {
    const n = shaped(run);
    let before: Cue | undefined;
    for (const c of cues) if (c.end <= run.start) before = c;
    const after = cues.find((c) => c.start >= run.end);
    if ((before && cuedBefore(text, before, run, n)) || (after && cuedAfter(text, after, run, n)))
      spans.take({
        start: run.start,
        end: run.end,
        kind: 'code',
        label: 'code',
        placeholder: placeholder.code,
      });
  }
}
