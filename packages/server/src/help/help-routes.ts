/**
 * The public help centre: /help (English), /help/fr (French), /help/{locale}/{slug} for an article,
 * ?q= on a language's home for a search. Published articles only; no session needed or read.
 * Served with the pages' security headers (CSP without inline script or style).
 */
import { Hono, type Context } from 'hono';
import { ARTICLE_LIMITS } from '@candor/protocol';
import type { ArticleLocale } from '../domain/articles/article';
import { isSlug } from '../domain/articles/article-slug';
import { matchArticles } from '../domain/articles/article-match';
import type { Store } from '../storage/store';
import { pageHeaders } from '../transport/http/security-headers';
import type { HttpEnv } from '../transport/http/http-env';
import { HELP_CSS } from './help-css';
import { articlePage, homePage, notFoundPage, resultsPage } from './help-pages';
import { articleText } from './markdown';

const LOCALES: readonly string[] = ['en', 'fr'];
const isLocale = (l: string | undefined): l is ArticleLocale => l !== undefined && LOCALES.includes(l);

function html(c: Context, body: string, status: 200 | 404 = 200): Response {
  pageHeaders(c);
  // Drafts are never shown, and a published article may be changed at any time: always ask again.
  c.header('cache-control', 'no-cache');
  return c.html(body, status);
}

export function helpRoutes(store: Pick<Store, 'listArticles' | 'findArticleBySlug'>) {
  const published = (locale: ArticleLocale) =>
    store.listArticles({ locale, publishedOnly: true, limit: ARTICLE_LIMITS.articlesMax });

  const home = async (c: Context, locale: ArticleLocale) => {
    const query = (c.req.query('q') ?? '').trim().slice(0, 200);
    const articles = await published(locale);
    if (query === '') return html(c, homePage(locale, articles));
    const searchable = articles.map((a) => ({ ...a, text: articleText(a.body) }));
    return html(c, resultsPage(locale, query, matchArticles(searchable, query)));
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
