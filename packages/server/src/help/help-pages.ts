/**
 * The public help centre's HTML: server-rendered, no script, one stylesheet from this server (the CSP
 * allows nothing inline). Every page: a lang attribute, a skip link, one <h1>, headings in order,
 * a labelled search form (GET, so it works without JavaScript), a link to the other language.
 */
import type { ArticleLocale, ArticleRecord } from '../domain/articles/article';
import { articleUrl } from '../commands/articles';
import { HELP_TEXT, helpHome } from './help-text';
import { renderArticle } from './markdown';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface Frame {
  locale: ArticleLocale;
  title: string;
  query?: string;
  main: string;
  /** Where the other language's link goes (default: that language's help centre home). */
  otherHref?: string;
}

/** Every help centre page: the header (home, other language, search) around `main`. */
export function page({ locale, title, query = '', main, otherHref }: Frame): string {
  const t = HELP_TEXT[locale];
  const other: ArticleLocale = locale === 'en' ? 'fr' : 'en';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/help/help.css">
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header>
<p class="brand"><a href="${helpHome(locale)}">${t.centre}</a></p>
<nav aria-label="${t.languageNav}"><a href="${otherHref ?? helpHome(other)}" lang="${other}" hreflang="${other}">${t.otherLanguage}</a></nav>
<form role="search" method="get" action="${helpHome(locale)}">
<label for="help-q">${t.searchLabel}</label>
<input id="help-q" name="q" type="search" maxlength="200" value="${escapeHtml(query)}">
<button type="submit">${t.searchButton}</button>
</form>
</header>
<main id="main" tabindex="-1">
${main}
</main>
</body>
</html>
`;
}

function articleLink(a: ArticleRecord): string {
  return `<li><a href="${articleUrl(a)}">${escapeHtml(a.title)}</a></li>`;
}

/** The home page: every published article of the language, grouped by category. */
export function homePage(locale: ArticleLocale, articles: readonly ArticleRecord[]): string {
  const t = HELP_TEXT[locale];
  const groups = new Map<string, ArticleRecord[]>();
  for (const a of articles) {
    const key = a.category ?? t.uncategorised;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const sections = [...groups].map(
    ([category, list]) =>
      `<section><h2>${escapeHtml(category)}</h2><ul>${list.map(articleLink).join('')}</ul></section>`,
  );
  const body = sections.length === 0 ? `<p>${t.noArticles}</p>` : sections.join('\n');
  return page({ locale, title: t.centre, main: `<h1>${t.centre}</h1>\n${body}` });
}

export function resultsPage(
  locale: ArticleLocale,
  query: string,
  found: readonly { article: ArticleRecord; excerpt: string }[],
): string {
  const t = HELP_TEXT[locale];
  const heading = escapeHtml(t.resultsFor(query));
  const items = found.map(
    ({ article: a, excerpt }) =>
      `<li><h2><a href="${articleUrl(a)}">${escapeHtml(a.title)}</a></h2><p>${escapeHtml(excerpt)}</p></li>`,
  );
  const list = found.length === 0 ? `<p>${t.noResults}</p>` : `<ol class="results">${items.join('')}</ol>`;
  return page({
    locale,
    query,
    title: `${t.resultsFor(query)} – ${t.centre}`,
    main: `<h1>${heading}</h1>\n${list}\n<p><a href="${helpHome(locale)}">${t.allArticles}</a></p>`,
  });
}

export function articlePage(a: ArticleRecord): string {
  const t = HELP_TEXT[a.locale];
  const crumbs = [`<li><a href="${helpHome(a.locale)}">${t.centre}</a></li>`];
  if (a.category !== null) crumbs.push(`<li>${escapeHtml(a.category)}</li>`);
  return page({
    locale: a.locale,
    title: `${a.title} – ${t.centre}`,
    main: `<nav aria-label="${t.breadcrumb}"><ol class="crumbs">${crumbs.join('')}</ol></nav>
<article>
<h1>${escapeHtml(a.title)}</h1>
${renderArticle(a.body)}
</article>`,
  });
}

export function notFoundPage(locale: ArticleLocale): string {
  const t = HELP_TEXT[locale];
  return page({
    locale,
    title: `${t.notFound} – ${t.centre}`,
    main: `<h1>${t.notFound}</h1>\n<p>${t.notFoundText}</p>\n<p><a href="${helpHome(locale)}">${t.allArticles}</a></p>`,
  });
}

export function tooManyPage(locale: ArticleLocale): string {
  const t = HELP_TEXT[locale];
  return page({
    locale,
    title: `${t.tooMany} – ${t.centre}`,
    main: `<h1>${t.tooMany}</h1>\n<p>${t.tooManyText}</p>\n<p><a href="${helpHome(locale)}">${t.allArticles}</a></p>`,
  });
}
