/**
 * The demo shop's help articles, one Markdown file each under `en/` and `fr/`: line 1 `title: ...`,
 * line 2 `category: ...`, a blank line, then the body. The file name (without `.md`) is the slug.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticleFile } from '../../domain/articles/article-file';
import type { BotArticle, BotLocale } from '../../domain/bot/bot-article';

export interface SampleArticle {
  slug: string;
  locale: BotLocale;
  title: string;
  category: string;
  body: string;
}

export const SAMPLE_LOCALES: readonly BotLocale[] = ['en', 'fr'];

/**
 * Reads one article file's text by the knowledge base's own rules (domain/articles/article-file.ts, what
 * the demo loader stores); throws, naming the file, when it does not follow them.
 */
export function parseSampleArticle(text: string, where: { slug: string; locale: BotLocale }): SampleArticle {
  const parsed = parseArticleFile(`${where.slug}.md`, text);
  if ('error' in parsed) throw new Error(`help article ${where.locale}/${parsed.error}`);
  if (parsed.category === null) throw new Error(`help article ${where.locale}/${where.slug}.md: no category`);
  return { ...where, title: parsed.title, category: parsed.category, body: parsed.body };
}

/**
 * This folder, whether the code runs from source (tsx) or from the server bundle in
 * packages/server/dist/, which does not carry the Markdown files.
 */
export const SAMPLE_ARTICLES_DIR =
  [new URL('.', import.meta.url), new URL('../src/demo/help-articles/', import.meta.url)]
    .map((u) => fileURLToPath(u))
    .find((dir) => existsSync(join(dir, 'en'))) ?? fileURLToPath(new URL('.', import.meta.url));

/** Every sample article, in slug order, English then French. */
export function loadSampleArticles(root: string = SAMPLE_ARTICLES_DIR): SampleArticle[] {
  const articles: SampleArticle[] = [];
  for (const locale of SAMPLE_LOCALES)
    for (const file of readdirSync(join(root, locale))
      .filter((f) => f.endsWith('.md'))
      .sort())
      articles.push(
        parseSampleArticle(readFileSync(join(root, locale, file), 'utf8'), {
          slug: file.slice(0, -3),
          locale,
        }),
      );
  return articles;
}

/** The sample articles as the bot reads them, all published, with `{locale}/{slug}` as id. */
export function sampleBotArticles(): BotArticle[] {
  return loadSampleArticles().map((a) => ({ ...a, id: `${a.locale}/${a.slug}`, published: true }));
}
