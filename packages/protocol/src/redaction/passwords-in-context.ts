import { placeholder } from './placeholders';
import { isSpace } from './separators';
import type { Spans } from './spans';

/**
 * A password cue, then optionally "for my account" (before is/est/:), a qualifier before a colon
 * ("mot de passe temporaire :"), a link (group 1: is/est/c'est; or the weak to/as/en), a colon or
 * equals sign (group 2), an opening quote, and the token (group 3, looked ahead: not consumed, so
 * that a cue typed as the token is searched again). Every `\s*` is followed by something that cannot
 * be a space, so matching stays linear.
 */
const PASSWORD =
  /(?:\b(?:passwords?|passwd|pwd|mots?[ -]de[ -]passe|mdp)\b|\b(?:pass|pw)(?=\s*[:=]))(?:\s+(?:for|pour|on|sur|of|d[eu]|d['’])\s*[^\s:=]{1,30}(?:\s+[^\s:=]{1,30}){0,2}?(?=\s*(?:[:=]|(?:is|est|c['’]est)\b)))?(?:\s+[a-zà-ÿ-]{2,20}(?=\s*[:=]))?(?:\s*,)?\s*(?:(?:(is|was|est|c['’]est|était)|to|as|en|into)\b\s*)?(?:(?:now|maintenant|just|juste)\s+)?((?:[:=]|[-–—](?=\s))\s*)?["'“«‘`]?(?=(\S+))/gi;

/** "… is my password", "… c'est mon mot de passe": the token before is found by walking back. */
const CUE_AFTER =
  /\s(?:is|was|est|c['’]est|=)\s+(?:my|the|your|mon|ma|le|ton|votre)\s+(?:(?:new|nouveau)\s+)?(?:password|passwd|mot de passe|mdp)\b/gi;
/** Cheap test first: most messages hold no password cue. */
const ANY_CUE = /pass|pwd|mdp|pw\s*[:=]/i;

/** Common words that follow a password cue without being a password, EN and FR (4+ letters). */
const STOP = new Set(
  (
    'please still wrong incorrect invalid invalide correct weak strong faible same même different ' +
    'différent nouveau short long court trop très toujours encore never jamais always just juste also ' +
    'aussi okay fine faux right good case vide empty lost perdu here that this what your votre mine ' +
    'celui dans pour plus bien rien mais sans avec with only reset forgot forgotten broken'
  ).split(' '),
);
const ADJECTIVE_ENDING = /(?:ed|ing|ly|able|ible|é|ée|és|ées|ment)$/u;

/** Digits, symbols, or capitals after the first letter, as passwords have and words do not. */
function secretLike(token: string): boolean {
  return (
    /\d|[^\p{L}\d'’-]/u.test(token) ||
    (token !== token.toUpperCase() && token.slice(1) !== token.slice(1).toLowerCase()) ||
    token.split('-').length > 2
  );
}

/** The token as masked, or undefined when it is no password. */
export function passwordToken(raw: string, strong: boolean): string | undefined {
  const token = raw.replace(/[.,;:)\]}»”"'’`*]+$/u, '');
  const core = token.replace(/[!?]+$/, '');
  if (core.length < 4 || !/[\p{L}\d]/u.test(core) || /^[[(<{]|^(?:passw(?:or)?ds?|pass|mdp)$/i.test(core))
    return undefined;
  if (secretLike(core)) return token;
  const word = core.toLowerCase();
  return strong && !STOP.has(word.split(/['’-]/)[0]!) && !ADJECTIVE_ENDING.test(word) ? token : undefined;
}

/**
 * Passwords given in context, EN and FR: the token after "password", "pwd", "pass:", "mot de passe",
 * "mdp"... After is/est/c'est or a colon any word of 4+ characters but common ones; otherwise (no link,
 * or "changed it to") only a secret-looking token.
 */
export function findPasswords(text: string, spans: Spans): void {
  if (!ANY_CUE.test(text)) return;
  for (const m of text.matchAll(PASSWORD)) {
    const raw = m[3]!;
    const token = passwordToken(raw, !!(m[1] || m[2]));
    const start = m.index + m[0].length;
    if (token) take(spans, start, token);
  }
  for (const m of text.matchAll(CUE_AFTER)) {
    let end = m.index;
    while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
    let start = end;
    while (start > 0 && /\S/.test(text.charAt(start - 1))) start--;
    const raw = text.slice(start, end).replace(/^["'“«‘`(]+/, '');
    const token = passwordToken(raw, false);
    if (token) take(spans, end - raw.length, token);
  }
}

function take(spans: Spans, start: number, token: string): void {
  spans.take({
    start,
    end: start + token.length,
    kind: 'password',
    label: 'password',
    placeholder: placeholder.password,
  });
}

/**
 * Where the password after a cue starts, when it is still being typed at the very end of a draft
 * ("I changed my password to Hun"); undefined when nothing is being typed after a cue.
 */
export function passwordBeingTyped(text: string): number | undefined {
  const tail = text.slice(-200);
  if (!ANY_CUE.test(tail)) return undefined;
  let start: number | undefined;
  for (const m of tail.matchAll(PASSWORD)) {
    const token = m[3]!;
    const at = m.index + m[0].length;
    // Up to 4 characters may show: "to", "is", "for" are still being decided between link and password.
    if (at + token.length === tail.length && token.length > 4) start ??= text.length - token.length;
  }
  return start;
}

/** What CUE_AFTER looks for after the token, lowercase: "is my password", "c'est mon nouveau mot de passe"... */
const NAMING_LINKS = "is was est c'est c’est =".split(' ');
const NAMING_DETS = 'my the your mon ma le ton votre'.split(' ');
const NAMING = NAMING_LINKS.flatMap((link) =>
  NAMING_DETS.flatMap((det) =>
    ['', 'new ', 'nouveau '].flatMap((fresh) =>
      ['password', 'passwd', 'mot de passe', 'mdp'].map((noun) => `${link} ${det} ${fresh}${noun}`),
    ),
  ),
);
/** Any start of any of the words. */
const startOf = (words: string[]) =>
  [...new Set(words.flatMap((w) => [...w].map((_, i) => w.slice(0, i + 1))))].join('|');
/** A quick look at the first two words of a phrase being typed, before comparing it with all of NAMING. */
const NAMING_START = new RegExp(
  `^\\s*(?:${startOf(NAMING_LINKS)})(?:$|\\s+(?:$|(?:${startOf(NAMING_DETS)})(?:$|\\s)))`,
  'i',
);

/**
 * A cheap first look for secretLike: a digit or symbol, a capital after the first letter, two dashes, or
 * a dash first (no word starts with one; "-ppqsgZL9+kP+" does).
 */
const LIKE_A_PASSWORD = /[^a-zA-Zà-ÿÀ-Þ'’-]|.[A-ZÀ-Þ]|-.*-|^-/;
const OPENING_QUOTES = '"\'“«‘`(';
/** Sentence punctuation and closing marks at a word's end: "Hello!", "(hello)", "[number hidden]". */
const SENTENCE_END = /[.,;:!?)\]}»”"'’]+$/u;

/** Whether what follows a token may still become "is my password", "c'est mon mot de passe"... */
function mayName(rest: string): boolean {
  if (!NAMING_START.test(rest)) return false;
  const r = rest.replace(/\s+/g, ' ').trimStart().toLowerCase();
  return NAMING.some((phrase) => phrase.startsWith(r));
}

/**
 * Tokens at the end of a draft that look like a password (digits, symbols, inner capitals) and may
 * still be named one ("Soleil2024 is my pa…"): followed by nothing, or by the start of what
 * CUE_AFTER looks for. Walks back word by word from the end, only as far as that start reaches.
 */
export function passwordsMayBeNamed(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let end = text.length, next = end, words = 0; words < 8; words++) {
    let e = end;
    while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
    let s = e;
    while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
    if (s === e || text.length - e > 40) break; // no phrase that names a password is longer
    // What follows the word may name it: nothing yet, or a phrase starting with is/was/est/c'est/=.
    const nameable =
      next === text.length || ('iweIWEcC='.includes(text.charAt(next)) && mayName(text.slice(e)));
    end = next = s;
    if (!nameable || e - s <= 4) continue;
    while (s < e && OPENING_QUOTES.includes(text.charAt(s))) s++;
    const raw = text.slice(s, e);
    // More than 4 characters typed, and a password by what is there, sentence punctuation and closing
    // marks at its end aside ("Hello!" is a word). A symbol at the end may be the middle of a password still being typed
    // ("YTJB*" of "YTJB*5YM9", "O2y?!" of "O2y?!MAf"): what passwordToken would trim off is held too.
    const core = raw.replace(SENTENCE_END, '');
    const token =
      raw.length > 4 && LIKE_A_PASSWORD.test(core) ? (passwordToken(raw, false) ?? raw) : undefined;
    if (token) found.push({ start: e - raw.length, end: e - raw.length + token.length });
  }
  return found;
}
