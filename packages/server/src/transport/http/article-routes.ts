/**
 * REST for the knowledge base, mounted at /api/v1/articles: agents read, admins write (commands/articles.ts).
 * The public help centre is apart (help/help-routes.ts) and shows published articles only.
 */
import { Hono } from 'hono';
import {
  createArticleBody,
  listArticlesQuery,
  previewArticleBody,
  updateArticleBody,
} from '@candor/protocol/schemas';
import {
  createArticle,
  deleteArticle,
  getArticle,
  listArticles,
  updateArticle,
} from '../../commands/articles';
import { DomainError } from '../../domain/errors';
import { renderArticle } from '../../help/markdown';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

export function articleRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return (
    new Hono<HttpEnv>()
      .use(requireAgent(deps))
      .get('/', async (c) => {
        const query = listArticlesQuery.safeParse(c.req.query());
        if (!query.success) throw new DomainError('bad_frame', 'Invalid query: locale is en or fr.');
        return c.json({ articles: await listArticles(ctx, c.get('session').actor, query.data.locale) });
      })
      .post('/', async (c) => {
        const body = await parseBody(c, createArticleBody);
        return c.json({ article: await createArticle(ctx, c.get('session').actor, body) }, 201);
      })
      // The console's live preview: the same rules as the help centre, so what the admin sees is what is published.
      .post('/preview', async (c) => {
        const { body } = await parseBody(c, previewArticleBody);
        return c.json({ html: renderArticle(body) });
      })
      .get('/:id', async (c) =>
        c.json({ article: await getArticle(ctx, c.get('session').actor, c.req.param('id')) }),
      )
      .patch('/:id', async (c) => {
        const patch = await parseBody(c, updateArticleBody);
        return c.json({
          article: await updateArticle(ctx, c.get('session').actor, c.req.param('id'), patch),
        });
      })
      .delete('/:id', async (c) => {
        await deleteArticle(ctx, c.get('session').actor, c.req.param('id'));
        return c.body(null, 204);
      })
  );
}
