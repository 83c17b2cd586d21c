/**
 * The canned-response picker of the reply box, as pure functions: where a `/shortcut` is being typed,
 * which responses match it (the visitor's language first), and the text once one is inserted.
 */
import type { CannedResponse } from '@candor/protocol';

export interface ShortcutQuery {
  /** Where the `/` is. */
  start: number;
  /** The caret: the query runs from start + 1 to here. */
  end: number;
  query: string;
}

/** A `/word` just before the caret, at the start of the text or after a space or line break. */
export function shortcutAt(text: string, caret: number): ShortcutQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([a-z0-9_-]*)$/i.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, end: caret, query: query.toLowerCase() };
}

/** The language to prefer: a visitor's locale such as "fr-CA" counts as French. */
export function preferredLocale(locale: string | null | undefined): 'en' | 'fr' | null {
  const base = locale?.slice(0, 2).toLowerCase();
  return base === 'fr' || base === 'en' ? base : null;
}

/**
 * Where a response's language puts it among those of one shortcut: the visitor's language first, then
 * responses in no particular language, then the other language. Unknown visitor language: language-less
 * first.
 */
function languageRank(locale: 'en' | 'fr' | null, prefer: 'en' | 'fr' | null): number {
  return locale === prefer ? 0 : locale === null ? 1 : 2;
}

/**
 * Responses whose shortcut starts with the query first, then those containing it (in shortcut or text);
 * for each shortcut, the preferred language first. Personal ones before shared ones of the same name.
 */
export function matchCanned(
  list: readonly CannedResponse[],
  query: string,
  prefer: 'en' | 'fr' | null,
): CannedResponse[] {
  const q = query.toLowerCase();
  const rank = (c: CannedResponse) =>
    c.shortcut.startsWith(q) ? 0 : c.shortcut.includes(q) || c.body.toLowerCase().includes(q) ? 1 : -1;
  return list
    .map((c) => ({ c, rank: rank(c) }))
    .filter((x) => x.rank >= 0)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.c.shortcut.localeCompare(b.c.shortcut) ||
        languageRank(a.c.locale, prefer) - languageRank(b.c.locale, prefer) ||
        Number(b.c.scope === 'personal') - Number(a.c.scope === 'personal'),
    )
    .map((x) => x.c);
}

/** The text with `/query` replaced by the (already filled) response, and where the caret goes. */
export function insertCanned(
  text: string,
  at: ShortcutQuery,
  filled: string,
): { text: string; caret: number } {
  const next = text.slice(0, at.start) + filled + text.slice(at.end);
  return { text: next, caret: at.start + filled.length };
}
