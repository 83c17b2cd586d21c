/**
 * The help centre's /verify page: a form (GET, so it works without script) and, once a reference was
 * given, the verdict. Same frame as the rest of the help centre (help-pages.ts): no script, no inline
 * style, one <h1>, a labelled field.
 */
import type { VerifyReferenceResponse } from '@candor/protocol';
import type { ArticleLocale } from '../domain/articles/article';
import { escapeHtml, page } from './help-pages';
import { formatUntil, VERIFY_TEXT, verifyPath } from './verify-text';

export interface VerifyPageInput {
  locale: ArticleLocale;
  site: string;
  /** What was typed, as typed (shown back in the field). */
  typed?: string;
  verdict?: VerifyReferenceResponse | 'too_many';
}

function verdictHtml(input: VerifyPageInput, site: string): string {
  const t = VERIFY_TEXT[input.locale];
  const { verdict } = input;
  if (verdict === undefined) return '';
  if (verdict === 'too_many')
    return `<section class="verdict not-genuine" aria-labelledby="verdict"><h2 id="verdict">${t.tooMany}</h2><p>${t.tooManyText}</p></section>`;
  if (verdict.genuine && verdict.agentName !== undefined && verdict.expiresAt !== undefined) {
    const until = `<time datetime="${new Date(verdict.expiresAt).toISOString()}">${formatUntil(input.locale, verdict.expiresAt)}</time>`;
    return `<section class="verdict genuine" aria-labelledby="verdict"><h2 id="verdict">${t.genuineTitle}</h2>
<p>${t.genuine(escapeHtml(verdict.agentName), site, until)}</p><p>${t.genuineAdvice}</p></section>`;
  }
  return `<section class="verdict not-genuine" aria-labelledby="verdict"><h2 id="verdict">${t.notGenuineTitle}</h2>
<p>${t.notGenuine(site)}</p><p>${t.notGenuineAdvice}</p></section>`;
}

export function verifyPage(input: VerifyPageInput): string {
  const { locale } = input;
  const t = VERIFY_TEXT[locale];
  const site = escapeHtml(input.site);
  const other: ArticleLocale = locale === 'en' ? 'fr' : 'en';
  const typed = escapeHtml(input.typed ?? '');
  const main = `<h1>${t.title}</h1>
<p>${t.intro(site)}</p>
<form class="check" method="get" action="${verifyPath(locale)}">
<label for="reference">${t.label}</label>
<input id="reference" name="reference" type="text" maxlength="64" autocomplete="off" spellcheck="false" aria-describedby="reference-hint" value="${typed}" required>
<button type="submit">${t.button}</button>
<p id="reference-hint">${t.hint}</p>
</form>
${verdictHtml(input, site)}`;
  return page({ locale, title: `${t.title} – ${input.site}`, main, otherHref: verifyPath(other) });
}
