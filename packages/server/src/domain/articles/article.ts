/**
 * A help article of the knowledge base (issue 13). The slug is chosen once, at creation, and never
 * changes with the title, so an article's public URL (/help/{locale}/{slug}) stays stable.
 */
export type ArticleLocale = 'en' | 'fr';

export interface ArticleRecord {
  id: string;
  locale: ArticleLocale;
  slug: string;
  title: string;
  /** Markdown; rendered (never as raw HTML) by help/markdown.ts. */
  body: string;
  category: string | null;
  published: boolean;
  createdAt: number;
  updatedAt: number;
}
