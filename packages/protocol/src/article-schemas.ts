/**
 * The knowledge base (issue 13): help articles over REST (/api/v1/articles). Kept apart from
 * schemas.ts, which re-exports everything here.
 */
import { z } from 'zod';
import { ARTICLE_LIMITS, ARTICLE_LOCALES } from './articles';

const title = z.string().trim().min(1).max(ARTICLE_LIMITS.titleMax);
const body = z.string().min(1).max(ARTICLE_LIMITS.bodyMax);
/** Blank means no category. */
const category = z
  .string()
  .trim()
  .max(ARTICLE_LIMITS.categoryMax)
  .nullable()
  .transform((c) => (c === null || c === '' ? null : c));
const locale = z.enum(ARTICLE_LOCALES);

export const articleSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Markdown. Raw HTML in it is shown as text, never run (see the help centre). */
  body: z.string(),
  locale,
  category: z.string().nullable(),
  published: z.boolean(),
  /** Chosen from the title at creation and never changed, so the public URL stays the same. */
  slug: z.string(),
  /** Where the public help centre shows it once published: /help/{locale}/{slug}. */
  url: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

/** POST /api/v1/articles: exactly these fields; any other is refused. */
export const createArticleBody = z.strictObject({
  title,
  body,
  locale,
  published: z.boolean(),
  category: category.optional(),
});

/** PATCH /api/v1/articles/{id}: any of them, at least one. */
export const updateArticleBody = z
  .strictObject({
    title: title.optional(),
    body: body.optional(),
    locale: locale.optional(),
    published: z.boolean().optional(),
    category: category.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Give at least one of title, body, locale, published, category',
  });

/** GET /api/v1/articles?locale=fr */
export const listArticlesQuery = z.object({ locale: locale.optional() });

/** POST /api/v1/articles/preview: Markdown rendered by the help centre's rules, for the live preview. */
export const previewArticleBody = z.strictObject({ body: z.string().max(ARTICLE_LIMITS.bodyMax) });
export const articlePreviewSchema = z.object({ html: z.string() });
