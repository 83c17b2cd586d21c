/**
 * The published articles of a language, ready to search: each article's plain text, excerpt and terms
 * are computed once and kept while its `updatedAt` is unchanged, so a search costs one store read and
 * a scan of sets instead of parsing every article's Markdown again. Shared by the help centre's pages
 * and the widget's help API, so both find the same articles in the same order.
 */
import { ARTICLE_LIMITS } from '@candor/protocol';
import type { ArticleLocale, ArticleRecord } from '../domain/articles/article';
import { indexArticle, matchIndexed, type ArticleTerms } from '../domain/articles/article-match';
import type { Store } from '../storage/store';
import { articleExcerpt, articleText } from './markdown';

export interface IndexedArticle {
  article: ArticleRecord;
  excerpt: string;
  terms: ArticleTerms;
}

export class HelpIndex {
  private readonly cache = new Map<string, IndexedArticle>();

  constructor(private readonly store: Pick<Store, 'listArticles'>) {}

  /** Every published article of the language, in the help centre's order. */
  async published(locale: ArticleLocale): Promise<ArticleRecord[]> {
    return this.store.listArticles({ locale, publishedOnly: true, limit: ARTICLE_LIMITS.articlesMax });
  }

  async search(locale: ArticleLocale, query: string): Promise<IndexedArticle[]> {
    const articles = await this.published(locale);
    const entries = articles.map((a) => {
      const held = this.indexed(a);
      return { article: held, terms: held.terms };
    });
    this.forgetAllBut(articles);
    return matchIndexed(entries, query);
  }

  private indexed(a: ArticleRecord): IndexedArticle {
    const held = this.cache.get(a.id);
    if (held && held.article.updatedAt === a.updatedAt && held.article.published) return held;
    const fresh = {
      article: a,
      excerpt: articleExcerpt(a.body),
      terms: indexArticle({ title: a.title, text: articleText(a.body) }),
    };
    this.cache.set(a.id, fresh);
    return fresh;
  }

  /** Drops what a language no longer publishes, so deleted articles are not kept in memory. */
  private forgetAllBut(current: readonly ArticleRecord[]): void {
    if (this.cache.size <= current.length * 2 + 16) return;
    const keep = new Set(current.map((a) => a.id));
    const locale = current[0]?.locale;
    for (const [id, held] of this.cache)
      if (held.article.locale === locale && !keep.has(id)) this.cache.delete(id);
  }
}
