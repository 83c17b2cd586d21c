/**
 * Which parts of a message body are links, for the widget and the console to render as anchors built
 * node by node (never markup). Only http, https and mailto are links; everything else stays text. What
 * is shown is exactly the text that was written, and the link goes to that text parsed by `URL`, so no
 * part of a message can show one address and open another. A URL with a user name or password
 * (`https://bank.example@evil.example`) is left as text: it exists to mislead.
 */

export interface TextPart {
  readonly text: string;
  /** Set on links only: the normalised address (punycode host), to use as href and title. */
  readonly href?: string;
}

/** Longer candidates stay text: no real link is that long, and a title that size helps nobody. */
export const MAX_LINK_LENGTH = 2048;

/**
 * A scheme, then characters that can be part of an address: no spaces, quotes, angle brackets, C0/C1
 * controls, invisible or bidi formatting characters (nor the ⟦…⟧ markers they are shown as).
 */
const CANDIDATE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must end a link
  /(?:https?:\/\/|mailto:)[^\s<>"'`\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\u27e6\u27e7]+/gi;

/** A scheme glued to what precedes it ("xhttps:", "javascript:https:") does not start a link. */
const GLUED = /[\p{L}\p{N}\p{M}:/.+\-_@%&=?#~\\]/u;

/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?'"*_)\]}>]$/;

/** The body split into text and links, in order; concatenating every part's text gives `body` back. */
export function splitLinks(body: string): TextPart[] {
  const parts: TextPart[] = [];
  let shown = 0;
  for (const match of body.matchAll(CANDIDATE)) {
    const start = match.index;
    if (start > 0 && GLUED.test(body[start - 1]!)) continue;
    const text = trimTrailing(match[0]);
    const href = linkTarget(text);
    if (href === undefined) continue;
    if (start > shown) parts.push({ text: body.slice(shown, start) });
    parts.push({ text, href });
    shown = start + text.length;
  }
  if (shown < body.length || parts.length === 0) parts.push({ text: body.slice(shown) });
  return parts;
}

/** The href for a candidate, or undefined when it must stay text. */
export function linkTarget(text: string): string | undefined {
  if (text.length > MAX_LINK_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.protocol === 'mailto:') {
    const address = url.pathname;
    return /^[^@/\s]+@[^@/\s]+\.[^@/\s]+$/.test(decodeSafely(address)) ? url.href : undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.hostname.includes('.') || url.hostname === 'localhost' ? url.href : undefined;
}

/** "(see https://a.example/x)." → the link ends before ")." ; a balanced ")" of the URL stays. */
function trimTrailing(candidate: string): string {
  let text = candidate;
  while (TRAILING.test(text)) {
    const last = text[text.length - 1];
    if (last === ')' && count(text, '(') >= count(text, ')')) break;
    text = text.slice(0, -1);
  }
  return text;
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
