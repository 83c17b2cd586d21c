/**
 * Limits of the knowledge base (issue 13). Browser-safe, so the console refuses early with the same
 * numbers the server enforces.
 */
export const ARTICLE_LIMITS = {
  /** Characters in a title, after trimming. */
  titleMax: 200,
  /** Characters of Markdown in a body (fits the API's 64 KiB body limit even in accented text). */
  bodyMax: 20_000,
  /** Characters in a category name, after trimming. */
  categoryMax: 60,
  /** Articles in the knowledge base, all languages and drafts included. */
  articlesMax: 2_000,
} as const;

/** The languages articles are written in; each has its own help centre (/help/en, /help/fr). */
export const ARTICLE_LOCALES = ['en', 'fr'] as const;

/** The public help API and the help context (help-schemas.ts): a query's characters read (the help centre's rule too), results given, articles named. */
export const HELP_LIMITS = { queryMax: 200, resultsMax: 10, contextArticlesMax: 5 } as const;
