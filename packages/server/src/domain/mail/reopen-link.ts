/**
 * The link in a reply email, which reopens the conversation in the widget. It carries a token that
 * grants one conversation's visitor identity, and nothing else. The threat is a forwarded (or leaked)
 * email: whoever holds it can read that conversation and write in it as the visitor. So the token is
 * long and random (unguessable), kept hashed (a database leak gives no working link), expires after
 * REOPEN_TOKEN_TTL_MS, and works once (a second click, or a forward after the visitor used it, is
 * refused); the next reply email brings a new one.
 *
 * Where it points: the last page of the host site the visitor was on, when its origin is allowed for
 * the widget (so the chat reopens where they were), else Candor's own page that embeds the widget.
 * The token travels in the URL fragment, which browsers never send to a server nor in a Referer.
 */
import type { PageRecord } from '../types';

export const REOPEN_TOKEN_TTL_MS = 7 * 86_400_000;
/** The fragment's key; the widget reads it, exchanges it in its hello, then removes it from the address. */
export const REOPEN_FRAGMENT_KEY = 'candor-reopen';

export function reopenLink(
  /** null for a signed visitor: their site signs them in again, and a link must not stand for their account. */
  token: string | null,
  where: {
    pages: readonly PageRecord[];
    /** Is this origin one the widget may run on (CANDOR_ALLOWED_ORIGINS)? A wildcard does not count. */
    allowedOrigin: (origin: string) => boolean;
    /** Candor's own page that embeds the widget. */
    candorPage: string;
  },
): string {
  const newest = [...where.pages].sort((a, b) => b.at - a.at)[0];
  let base = where.candorPage;
  if (newest) {
    try {
      const url = new URL(newest.url);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && where.allowedOrigin(url.origin))
        base = `${url.origin}${url.pathname}`;
    } catch {
      // A page kept by an older version that is not a URL: Candor's page.
    }
  }
  return token === null ? base : `${base}#${REOPEN_FRAGMENT_KEY}=${encodeURIComponent(token)}`;
}
