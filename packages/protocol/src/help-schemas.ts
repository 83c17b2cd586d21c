/**
 * The public help API the widget's Help tab reads (issue 13), and the context the widget sends with
 * the visitor's first message after a help search. An article reaches the widget as plain blocks of
 * text, never HTML: the widget renders them with textContent, so an article cannot carry markup into
 * a customer's page whatever its Markdown holds.
 */
import { z } from 'zod';
import { ARTICLE_LOCALES, HELP_LIMITS } from './articles';

export const helpSearchQuery = z.object({
  q: z
    .string()
    .max(HELP_LIMITS.queryMax * 4)
    .default(''),
  locale: z.enum(ARTICLE_LOCALES).default('en'),
});

export const helpSearchResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The first words of the article, plain text. */
  excerpt: z.string(),
  /** The article's page in the public help centre (a path: /help/{locale}/{slug}). */
  url: z.string(),
  category: z.string().nullable(),
});

export const helpSearchResponseSchema = z.object({ results: z.array(helpSearchResultSchema) });

/** A block of an article: plain text only; a link is written as its text followed by its URL. */
export const helpBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
]);

export const helpArticleSchema = z.object({
  id: z.string(),
  locale: z.enum(ARTICLE_LOCALES),
  title: z.string(),
  category: z.string().nullable(),
  url: z.string(),
  blocks: z.array(helpBlockSchema),
});

/**
 * Visitor only, after the first message of a conversation that followed a help search: what the
 * visitor searched and which articles they read, shown to the agents (activity `help_context`).
 */
export const helpContextFrame = z.object({
  type: z.literal('help.context'),
  ref: z.string().min(1).max(64).optional(),
  conversationId: z.string().min(1).max(64),
  query: z.string().max(HELP_LIMITS.queryMax),
  articleIds: z.array(z.string().min(1).max(64)).max(HELP_LIMITS.contextArticlesMax),
});
