/**
 * Checking a support reference (issue 14), public, no session: the help centre's page
 * (`/help/verify`, `/help/fr/verify`, with `?reference=`; `/verify` redirects there) and
 * `POST /api/v1/help/verify` for programs. Both count against one budget per client address held in
 * the store, so it holds across nodes (commands/recovery/support-references.ts).
 */
import { Hono, type Context } from 'hono';
import { verifyReferenceBody } from '@candor/protocol/schemas';
import type { ArticleLocale } from '../domain/articles/article';
import { DomainError } from '../domain/errors';
import { verifySupportReference } from '../commands/recovery/support-references';
import { clientIp } from '../transport/client-ip';
import { parseBody } from '../transport/http/api-errors';
import type { HttpDeps, HttpEnv } from '../transport/http/http-env';
import { pageHeaders } from '../transport/http/security-headers';
import { verifyPage } from './verify-page';
import { verifyPath } from './verify-text';

type VerifyDeps = Pick<HttpDeps, 'ctx' | 'trustProxy'>;

const siteName = (deps: VerifyDeps) => deps.ctx.site?.name ?? 'Candor';

export function verifyPageRoutes(deps: VerifyDeps) {
  const show = async (c: Context<HttpEnv>, locale: ArticleLocale) => {
    pageHeaders(c);
    // A verdict is about now: never kept by a browser or a proxy.
    c.header('cache-control', 'no-store');
    const typed = (c.req.query('reference') ?? '').trim().slice(0, 64);
    const site = siteName(deps);
    if (typed === '') return c.html(verifyPage({ locale, site }));
    try {
      const ip = clientIp(c.env.incoming, deps.trustProxy);
      const verdict = await verifySupportReference(deps.ctx, typed, ip);
      return c.html(verifyPage({ locale, site, typed, verdict }));
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'rate_limited') throw err;
      c.header('retry-after', String(Math.ceil((err.retryAfterMs ?? 60_000) / 1000)));
      return c.html(verifyPage({ locale, site, typed, verdict: 'too_many' }), 429);
    }
  };
  return (
    new Hono<HttpEnv>()
      .get('/help/verify', (c) => show(c, 'en'))
      .get('/help/fr/verify', (c) => show(c, 'fr'))
      // The short address to say on the phone or print in an email: to the page in the reader's language.
      .get('/verify', (c) => {
        const french = /^\s*fr\b/i.test(c.req.header('accept-language') ?? '');
        const reference = c.req.query('reference');
        const query = reference === undefined ? '' : `?${new URLSearchParams({ reference }).toString()}`;
        c.header('vary', 'accept-language');
        return c.redirect(`${verifyPath(french ? 'fr' : 'en')}${query}`, 302);
      })
  );
}

export function verifyApiRoutes(deps: VerifyDeps) {
  return new Hono<HttpEnv>().post('/', async (c) => {
    const { reference } = await parseBody(c, verifyReferenceBody);
    return c.json(
      await verifySupportReference(deps.ctx, reference, clientIp(c.env.incoming, deps.trustProxy)),
    );
  });
}
