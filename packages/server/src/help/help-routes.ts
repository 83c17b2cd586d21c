/**
 * The public help centre: /help (English), /help/fr (French), /help/{locale}/{slug} for an article,
 * ?q= on a language's home for a search. Published articles only; no session needed or read.
 * Served with the pages' security headers (CSP without inline script or style).
 */
import { Hono, type Context } from 'hono';
import type { ArticleLocale } from '../domain/articles/article';
import { isSlug } from '../domain/articles/article-slug';
import { HELP_QUERY_MAX } from '../domain/articles/article-match';
import type { Store } from '../storage/store';
import { pageHeaders } from '../transport/http/security-headers';
import type { HttpEnv } from '../transport/http/http-env';
import { HELP_CSS } from './help-css';
import { articlePage, homePage, notFoundPage, resultsPage, tooManyPage } from './help-pages';
import type { HelpIndex } from './help-index';
import { takeHelpSlot, type HelpLimitDeps } from './help-limit';

const LOCALES: readonly string[] = ['en', 'fr'];
const isLocale = (l: string | undefined): l is ArticleLocale => l !== undefined && LOCALES.includes(l);

function html(c: Context, body: string, status: 200 | 404 | 429 = 200): Response {
  pageHeaders(c);
  // Drafts are never shown, and a published article may be changed at any time: always ask again.
  c.header('cache-control', 'no-cache');
  return c.html(body, status);
}

export interface HelpPagesDeps extends HelpLimitDeps {
  store: Pick<Store, 'findArticleBySlug'>;
  index: HelpIndex;
}

export function helpRoutes(deps: HelpPagesDeps) {
  const { store, index } = deps;
  const home = async (c: Context<HttpEnv>, locale: ArticleLocale) => {
    const query = (c.req.query('q') ?? '').trim().slice(0, HELP_QUERY_MAX);
    if (query === '') return html(c, homePage(locale, await index.published(locale)));
    // Searches only: reading the pages costs one indexed store read, a search a scan of every article.
    const slot = takeHelpSlot(deps, c);
    if (!slot.ok) {
      c.header('retry-after', String(Math.ceil(slot.retryAfterMs / 1000)));
      return html(c, tooManyPage(locale), 429);
    }
    const found = await index.search(locale, query);
    return html(c, resultsPage(locale, query, found));
  };

  return new Hono<HttpEnv>()
    .get('/help/help.css', (c) => {
      c.header('cache-control', 'public, max-age=3600');
      return c.body(HELP_CSS, 200, { 'content-type': 'text/css; charset=utf-8' });
    })
    .get('/help', (c) => home(c, 'en'))
    .get('/help/:locale', (c) => {
      const locale = c.req.param('locale');
      return isLocale(locale) ? home(c, locale) : html(c, notFoundPage('en'), 404);
    })
    .get('/help/:locale/:slug', async (c) => {
      const locale = c.req.param('locale');
      if (!isLocale(locale)) return html(c, notFoundPage('en'), 404);
      const slug = c.req.param('slug');
      const article = isSlug(slug) ? await store.findArticleBySlug(locale, slug) : undefined;
      if (!article?.published) return html(c, notFoundPage(locale), 404);
      return html(c, articlePage(article));
    });
}
