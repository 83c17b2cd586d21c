import { placeholder } from './placeholders';
import type { Span, Spans } from './spans';

/**
 * Well-known formats, case-sensitive: PEM private key blocks (to the end of the text when the END
 * line has not been typed yet), JWTs, then vendor keys by prefix (AWS, GitHub, Slack, Stripe, Google,
 * OpenAI-style sk-, GitLab, npm, SendGrid, Hugging Face).
 */
const KNOWN =
  /(-----BEGIN [A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END [A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----|[\s\S]*))|(\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*)|\b(?:(?:AKIA|ASIA)[A-Z\d]{16}|gh[pousr]_[A-Za-z\d]{36,}|github_pat_\w{22,}|xox[abposr]-[A-Za-z\d-]{10,}|[rs]k_(?:live|test)_[A-Za-z\d]{24,}|whsec_[A-Za-z\d]{24,}|AIza[\w-]{35}|sk-[\w-]{20,}|glpat-[\w-]{20,}|npm_[A-Za-z\d]{36}|SG\.[\w-]{22}\.[\w-]{43}|hf_[A-Za-z]{34})(?![\w-])/g;

/**
 * A cue for a key in context, "API key: …", "token=…", "AWS_SECRET_ACCESS_KEY=…", "clé API : …",
 * "Bearer …" (group 1: bearer), up to where the value starts. A cue may end a longer word
 * (MY_API_KEY). Whole-text patterns avoid the u flag, several times slower with i; [a-zà-ÿ] stands
 * for a letter.
 */
const CUE = `(?:(?:key|token|secret)s?|\\b(bearer)|\\bcl[ée]s?(?: (?:d['’])?api| secr[èe]te)?)(?![\\wà-ÿ])\\s*(?:(?:is|est|c['’]est)\\b\\s*)?(?:[:=]\\s*)?["'\`]?`;
const IN_CONTEXT = new RegExp(`${CUE}([\\w./+=~-]{16,})`, 'gi');
/** The value being typed after a cue, at the very end of a draft; a cheap look for a cue first. */
const ANY_CUE = /key|token|secret|bearer|cl[ée]/i;
const TYPED_AFTER_CUE = new RegExp(`${CUE}([\\w./+=~-]+)$`, 'i');

const apiKey = { kind: 'api_key', label: 'API key', placeholder: placeholder.apiKey } as const;
const token = { kind: 'api_key', label: 'token', placeholder: placeholder.token } as const;
const privateKey = { kind: 'api_key', label: 'private key', placeholder: placeholder.privateKey } as const;

/**
 * Keys in a known format: the most specific rule, so it runs first. A private key block stops at a
 * placeholder already in the text; a match that cannot be taken is searched again from within.
 */
export function findKnownKeys(text: string, spans: Spans): void {
  KNOWN.lastIndex = 0;
  for (let m; (m = KNOWN.exec(text));) {
    const what: Omit<Span, 'start' | 'end'> = m[1] ? privateKey : m[2] ? token : apiKey;
    const start = m.index;
    const end = m[1] ? spans.clip(start, start + m[0].length) : start + m[0].length;
    KNOWN.lastIndex = spans.take({ start, end, ...what }) ? end : start + 1;
  }
}

/** Opaque keys and tokens after a cue: 16+ characters with a letter and a digit. Runs after cards. */
export function findKeysInContext(text: string, spans: Spans): void {
  for (const m of text.matchAll(IN_CONTEXT)) {
    const raw = m[2]!;
    const value = raw.replace(/\.+$/, '');
    const start = m.index + m[0].length - raw.length;
    if (/\d/.test(value) && /[a-z]/i.test(value))
      spans.take({ start, end: start + value.length, ...(m[1] ? token : apiKey) });
  }
}

/** How the known formats start (KNOWN, and JWTs), by first letter: a longer word starting so may still become a key. */
const PREFIXES = new Map<string, string[]>();
for (const k of (
  'AKIA ASIA ghp_ gho_ ghu_ ghs_ ghr_ github_pat_ xoxa- xoxb- xoxp- xoxo- xoxs- xoxr- sk_live_ sk_test_ ' +
  'rk_live_ rk_test_ whsec_ AIza sk- glpat- npm_ SG. hf_ eyJ'
).split(' '))
  PREFIXES.set(k.charAt(0), [...(PREFIXES.get(k.charAt(0)) ?? []), k]);
/** \w, by code. */
const wordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** [\w./+=~-], the characters of a key. */
const keyChar = (c: number) =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  (c >= 43 && c <= 47 && c !== 44) ||
  c === 95 ||
  c === 61 ||
  c === 126;
/** A private key's first line, as it is typed. */
const PEM_TYPED = /-----B(?:E(?:G(?:I(?:N(?: [A-Z ]{0,60}-{0,5})?)?)?)?)?$/;

/**
 * A key still being typed at the end of a draft, which only its first characters may show: a word
 * of more than 4 characters that starts as a known format does (or is the start of such a prefix,
 * "github_"), the value after a key cue, a private key's first line.
 */
export function keyBeingTyped(text: string): Omit<Span, 'end'> | undefined {
  let from = text.length;
  while (from > 0 && keyChar(text.charCodeAt(from - 1))) from--;
  if (text.length - from > 4) {
    for (let p = from; text.length - p > 4; p++) {
      if (p > from && wordChar(text.charCodeAt(p - 1))) continue;
      const prefixes = PREFIXES.get(text.charAt(p));
      if (!prefixes) continue;
      const word = text.slice(p, p + 12);
      if (prefixes.some((k) => word.startsWith(k) || k.startsWith(word)))
        return { start: p, ...(word.startsWith('eyJ') ? token : apiKey) };
    }
    // A cue ends a few characters before the value, in the last 300 characters: a pattern anchored
    // at the end is tried from every cue, and a hostile draft could repeat one thousands of times.
    const near = text.slice(Math.max(from - 40, text.length - 300, 0));
    const cued = ANY_CUE.test(near) && TYPED_AFTER_CUE.exec(near);
    if (cued && cued[2]!.length > 4)
      return { start: text.length - cued[2]!.length, ...(cued[1] ? token : apiKey) };
  }
  const pem = text.includes('-----B') && PEM_TYPED.exec(text.slice(-80));
  return pem ? { start: text.length - pem[0].length, ...privateKey } : undefined;
}
