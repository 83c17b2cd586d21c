/** What the bot reads of a help article: plain data, whatever store or file it came from. */
export type BotLocale = 'en' | 'fr';

export interface BotArticle {
  id: string;
  /** Stable part of the article's URL (`/help/fr/colis-non-recu`). */
  slug: string;
  locale: BotLocale;
  title: string;
  /** Markdown. */
  body: string;
  category?: string;
  published: boolean;
}
