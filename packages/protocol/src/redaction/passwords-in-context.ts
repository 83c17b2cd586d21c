import { placeholder } from './placeholders';
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
function passwordToken(raw: string, strong: boolean): string | undefined {
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
