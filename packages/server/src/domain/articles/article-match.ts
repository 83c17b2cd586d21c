/**
 * The help centre's search, for now: every word of the query must be in the article (title or text),
 * through any of its stems, with the same folding and stemming as the conversation search
 * (domain/search), so "rembourser" finds "remboursement" and "livraison" finds "Livraison". Articles
 * whose title holds more of the words come first. The bot's answerer will rank better (issue 13).
 * An article's terms can be computed once (`indexArticle`) and kept while it does not change.
 */
import { DomainError } from '../errors';
import { parseSearchQuery } from '../search/search-query';
import { indexTerms } from '../search/search-terms';

export interface Searchable {
  title: string;
  /** The article's words without Markdown. */
  text: string;
}

/** An article's terms: the title's alone (for ranking) and all of them. */
export interface ArticleTerms {
  title: ReadonlySet<string>;
  all: ReadonlySet<string>;
}

/** At most this many characters of a query are read; the rest is ignored, not refused. */
export const HELP_QUERY_MAX = 200;

export function indexArticle(article: Searchable): ArticleTerms {
  const title = new Set(indexTerms(article.title));
  return { title, all: new Set([...title, ...indexTerms(article.text)]) };
}

export function matchArticles<T extends Searchable>(articles: readonly T[], query: string): T[] {
  return matchIndexed(
    articles.map((article) => ({ article, terms: indexArticle(article) })),
    query,
  );
}

/** The same search over articles already indexed. */
export function matchIndexed<T>(entries: readonly { article: T; terms: ArticleTerms }[], query: string): T[] {
  let words: string[][];
  try {
    words = parseSearchQuery(query.slice(0, HELP_QUERY_MAX)).words;
  } catch (err) {
    // A query with no word to look for finds nothing; it is not an error for a reader.
    if (err instanceof DomainError) return [];
    throw err;
  }
  const hits: { article: T; inTitle: number; order: number }[] = [];
  entries.forEach(({ article, terms }, order) => {
    if (!words.every((stems) => stems.some((s) => terms.all.has(s)))) return;
    const inTitle = words.filter((stems) => stems.some((s) => terms.title.has(s))).length;
    hits.push({ article, inTitle, order });
  });
  hits.sort((a, b) => b.inTitle - a.inTitle || a.order - b.order);
  return hits.map((h) => h.article);
}
