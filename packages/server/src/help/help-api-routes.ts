/**
 * The public help API the widget's Help tab reads (issue 13): `GET /api/v1/help/articles?q=&locale=`
 * searches the published articles of a language with the help centre's own search, and
 * `GET /api/v1/help/articles/{id}` gives one published article as plain blocks (help/article-blocks.ts),
 * never HTML. No session. Like the visitor socket, a page may call it only from an allowed origin
 * (CANDOR_ALLOWED_ORIGINS, or this server's own); each address has a budget shared with the help
 * centre's searches.
 */
import { Hono, type Context } from 'hono';
import { HELP_LIMITS, type HelpArticle, type HelpSearchResponse } from '@candor/protocol';
import { helpSearchQuery } from '@candor/protocol/schemas';
import { DomainError } from '../domain/errors';
import { articleUrl } from '../commands/articles';
import type { Store } from '../storage/store';
import type { HttpDeps, HttpEnv } from '../transport/http/http-env';
import { articleBlocks } from './article-blocks';
import type { HelpIndex } from './help-index';
import { takeHelpSlot, type HelpLimitDeps } from './help-limit';

export interface HelpApiDeps extends HelpLimitDeps, Pick<HttpDeps, 'origins'> {
  store: Pick<Store, 'getArticle'>;
  index: HelpIndex;
}

/** CORS as for the widget's other public requests, then this address's budget. Throws when refused. */
function admit(deps: HelpApiDeps, c: Context<HttpEnv>): void {
  const origin = c.req.header('origin');
  if (!deps.origins.allowsVisitor(origin, c.req.header('host'))) {
    throw new DomainError('forbidden', 'This site may not use the help API.');
  }
  // No credentials are read, so the origin is echoed only to let the widget read the answer.
  if (origin !== undefined) c.header('access-control-allow-origin', origin);
  c.header('vary', 'origin');
  const slot = takeHelpSlot(deps, c);
  if (!slot.ok)
    throw new DomainError('rate_limited', 'Too many help requests; wait a moment.', slot.retryAfterMs);
}

export function helpApiRoutes(deps: HelpApiDeps) {
  return new Hono<HttpEnv>()
    .get('/articles', async (c) => {
      admit(deps, c);
      const parsed = helpSearchQuery.safeParse({ q: c.req.query('q'), locale: c.req.query('locale') });
      if (!parsed.success)
        throw new DomainError('bad_frame', 'locale must be en or fr; q at most 800 characters.');
      const { q, locale } = parsed.data;
      const found = await deps.index.search(locale, q);
      const body: HelpSearchResponse = {
        results: found.slice(0, HELP_LIMITS.resultsMax).map(({ article: a, excerpt }) => ({
          id: a.id,
          title: a.title,
          excerpt,
          url: articleUrl(a),
          category: a.category,
        })),
      };
      return c.json(body);
    })
    .get('/articles/:id', async (c) => {
      admit(deps, c);
      const id = c.req.param('id');
      const a = id.length <= 64 ? await deps.store.getArticle(id) : undefined;
      // A draft is answered exactly as a missing article: its existence is not public either.
      if (!a?.published) throw new DomainError('not_found', 'No such article.');
      const body: HelpArticle = {
        id: a.id,
        locale: a.locale,
        title: a.title,
        category: a.category,
        url: articleUrl(a),
        blocks: articleBlocks(a.body),
      };
      return c.json(body);
    });
}
