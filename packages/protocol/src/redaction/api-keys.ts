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
 * "API key: …", "token=…", "AWS_SECRET_ACCESS_KEY=…", "clé API : …", "Bearer …" (group 1: bearer).
 * A cue may end a longer word (MY_API_KEY). Whole-text patterns avoid the u flag, several times
 * slower with i; [a-zà-ÿ] stands for a letter.
 */
const IN_CONTEXT =
  /(?:(?:key|token|secret)s?|\b(bearer)|\bcl[ée]s?(?: (?:d['’])?api| secr[èe]te)?)(?![\wà-ÿ])\s*(?:(?:is|est|c['’]est)\b\s*)?(?:[:=]\s*)?["'`]?([\w./+=~-]{16,})/gi;

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
