/**
 * What the Store keeps of the knowledge base (issue 13): help articles per language. Part of the Store
 * seam; covered by contract/article.contract.ts on both stores.
 */
import type { ArticleLocale, ArticleRecord } from '../domain/articles/article';

export interface ArticleFilter {
  locale?: ArticleLocale;
  /** Only published ones (the public help centre, the bot); drafts too when false or absent. */
  publishedOnly?: boolean;
  limit: number;
}

/** What an admin may change; the slug, and so the public URL, never changes. */
export interface ArticlePatch {
  title?: string;
  body?: string;
  locale?: ArticleLocale;
  category?: string | null;
  published?: boolean;
  now: number;
}

export interface ArticleStore {
  /** By category (uncategorised last), then title. */
  listArticles(filter: ArticleFilter): Promise<ArticleRecord[]>;
  getArticle(id: string): Promise<ArticleRecord | undefined>;
  findArticleBySlug(locale: ArticleLocale, slug: string): Promise<ArticleRecord | undefined>;
  /** Slugs of that language starting with `prefix`, to choose a free one. */
  articleSlugsLike(locale: ArticleLocale, prefix: string): Promise<string[]>;
  countArticles(): Promise<number>;
  /** Throws StoreConflictError when the slug is taken in that language. */
  createArticle(article: ArticleRecord): Promise<void>;
  /** undefined when there is no such article; StoreConflictError when moving to a language that has the slug. */
  updateArticle(id: string, patch: ArticlePatch): Promise<ArticleRecord | undefined>;
  deleteArticle(id: string): Promise<boolean>;
}
