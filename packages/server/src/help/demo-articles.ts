/**
 * The demo shop's sample articles, loaded on a fresh start with the demo (CANDOR_DEMO_ARTICLES, on by
 * default): every `{en,fr}/*.md` of the folder, published, when the knowledge base is empty. Once an
 * admin has any article (or deleted the samples and wrote their own), nothing is loaded again.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleLocale } from '../domain/articles/article';
import { parseArticleFile } from '../domain/articles/article-file';
import { SAMPLE_ARTICLES_DIR } from '../demo/help-articles/sample-articles';
import type { ArticleStore } from '../storage/article-store';
import { StoreConflictError } from '../storage/store';

/** Found from source and from the server bundle alike (not only from the repository's root). */
export const DEMO_ARTICLES_DIR = SAMPLE_ARTICLES_DIR;

export interface DemoLoad {
  loaded: number;
  /** Files skipped, with why. */
  skipped: string[];
}

export async function loadDemoArticles(
  store: Pick<ArticleStore, 'countArticles' | 'createArticle'>,
  dir: string,
  now: number,
): Promise<DemoLoad> {
  const result: DemoLoad = { loaded: 0, skipped: [] };
  if ((await store.countArticles()) > 0) return result;
  for (const locale of ['en', 'fr'] as const satisfies readonly ArticleLocale[]) {
    const folder = join(dir, locale);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith('.md'))
      .sort()) {
      const parsed = parseArticleFile(name, readFileSync(join(folder, name), 'utf8'));
      if ('error' in parsed) {
        result.skipped.push(`${locale}/${parsed.error}`);
        continue;
      }
      try {
        await store.createArticle({
          id: randomUUID(),
          locale,
          ...parsed,
          published: true,
          createdAt: now,
          updatedAt: now,
        });
      } catch (err) {
        // Another node starting at the same time is loading them: leave it the rest.
        if (err instanceof StoreConflictError) return result;
        throw err;
      }
      result.loaded++;
    }
  }
  return result;
}
