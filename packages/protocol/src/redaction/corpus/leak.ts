/**
 * How much of a secret an agent sees while it is typed: the typing preview shows redactDraft() of
 * every prefix of a message, and none of them may show more than 4 characters of a secret that the
 * finished message masks. Used by the property tests and the redaction report.
 */
import type { Redacted } from '../index';

type Draft = (text: string) => Redacted;

/** Whatever redact or redactDraft writes in place of a secret. */
const PLACEHOLDER = /card •••• (?:\d{4})?|IBAN •••• (?:[A-Z\d]{4})?|\[[^[\]\n]{1,40} hidden\]/g;
/** Separators between groups of a secret are not characters of it: spaces and dashes of any kind, dots. */
const SEPARATOR = /[\s\p{Zs}\p{Pd}\u2212.]/u;

/**
 * Which characters of `input` are shown in `output`: the text between placeholders is the input's
 * text byte for byte, in order, so each stretch is found after the one before. Placeholders show
 * nothing (a card's last four included). Throws when the output is not made that way.
 */
export function shownMask(input: string, output: string): boolean[] {
  const shown = new Array<boolean>(input.length).fill(false);
  let at = 0;
  for (const kept of output.split(PLACEHOLDER)) {
    if (!kept) continue;
    const i = input.indexOf(kept, at);
    if (i < 0) throw new Error(`not a masking of its input: ${JSON.stringify(output)}`);
    shown.fill(true, i, i + kept.length);
    at = i + kept.length;
  }
  return shown;
}

/** The characters of input[start, end) that the output shows, separators not counted. */
export function shownCount(input: string, output: string, span: { start: number; end: number }): number {
  const shown = shownMask(input, output);
  let n = 0;
  for (let i = span.start; i < span.end; i++) if (shown[i] && !SEPARATOR.test(input.charAt(i))) n++;
  return n;
}

export interface PrefixLeak {
  /** The most characters of the secret shown by one prefix's draft. */
  most: number;
  /** The prefix that showed them. */
  prefix: string;
  shown: string;
}

/** Types `text` one character at a time and measures what each draft shows of text[start, end). */
export function prefixLeak(text: string, span: { start: number; end: number }, draft: Draft): PrefixLeak {
  let worst: PrefixLeak = { most: 0, prefix: '', shown: '' };
  for (let i = span.start + 1; i <= text.length; i++) {
    const prefix = text.slice(0, i);
    const shown = draft(prefix).text;
    const n = shownCount(prefix, shown, { start: span.start, end: Math.min(span.end, i) });
    if (n > worst.most) worst = { most: n, prefix, shown };
  }
  return worst;
}

/** The share of characters of `text` shown, summed over all its prefixes: how useful the preview stays. */
export function previewShare(text: string, draft: Draft): { shown: number; typed: number } {
  let shown = 0;
  let typed = 0;
  for (let i = 1; i <= text.length; i++) {
    const prefix = text.slice(0, i);
    shown += shownMask(prefix, draft(prefix).text).filter(Boolean).length;
    typed += i;
  }
  return { shown, typed };
}

export interface LeakRow {
  kind: string;
  /** Positives the finished message masks (the others have no secret to keep). */
  count: number;
  /** How many of them had a prefix whose draft showed more than 4 characters of the secret. */
  leaky: number;
  /** The most characters of a secret shown by one prefix, over the class. */
  most: number;
  worst?: PrefixLeak;
}

/** Per class, the prefixes' leaks over the positives that `isMasked` says the finished message masks. */
export function leakRows(
  samples: readonly { text: string; kind: string; secret: string | null }[],
  draft: Draft,
  isMasked: (sample: { text: string; kind: string; secret: string | null }) => boolean,
): LeakRow[] {
  const rows = new Map<string, LeakRow>();
  for (const s of samples) {
    if (!s.secret || !isMasked(s)) continue;
    const row = rows.get(s.kind) ?? { kind: s.kind, count: 0, leaky: 0, most: 0 };
    rows.set(s.kind, row);
    const start = s.text.indexOf(s.secret);
    const leak = prefixLeak(s.text, { start, end: start + s.secret.length }, draft);
    row.count++;
    if (leak.most > 4) row.leaky++;
    if (leak.most > row.most) [row.most, row.worst] = [leak.most, leak];
  }
  return [...rows.values()];
}
