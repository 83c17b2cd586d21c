/** The knowledge base's articles, as every store must keep them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleRecord } from '../../domain/articles/article';
import { StoreConflictError, type Store } from '../store';
import { T0, uid } from './fixtures';

function article(patch: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: uid('art'),
    locale: 'en',
    slug: uid('s').toLowerCase(),
    title: 'Where is my order?',
    body: 'Track it from **your account**.',
    category: 'Orders',
    published: true,
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
}

export function articleContract(store: () => Store): void {
  describe('articles', () => {
    it('keeps an article as written, with its accents, Markdown and big timestamps', async () => {
      const a = article({
        title: 'Délai de remboursement',
        body: '# Titre\n\n- un\n- deux « ok »',
        locale: 'fr',
      });
      await store().createArticle(a);
      assert.deepEqual(await store().getArticle(a.id), a);
      assert.deepEqual(await store().findArticleBySlug('fr', a.slug), a);
      assert.equal(
        await store().findArticleBySlug('en', a.slug),
        undefined,
        'a slug belongs to one language',
      );
      assert.equal(await store().getArticle(uid('art')), undefined);
    });

    it('lets each language have the same slug, but never twice in one language', async () => {
      const slug = uid('returns').toLowerCase();
      await store().createArticle(article({ slug, locale: 'en' }));
      await store().createArticle(article({ slug, locale: 'fr' }));
      await assert.rejects(store().createArticle(article({ slug, locale: 'en' })), StoreConflictError);
      assert.deepEqual((await store().articleSlugsLike('en', slug)).sort(), [slug]);
    });

    it('lists published articles of one language by category, uncategorised last, drafts only for admins', async () => {
      const locale = 'fr';
      const before = await store().listArticles({ locale, limit: 1000 });
      const tag = uid('x');
      const made = [
        article({ locale, title: `${tag} b`, category: 'Zz livraison' }),
        article({ locale, title: `${tag} a`, category: null }),
        article({ locale, title: `${tag} c`, category: 'Aa commandes' }),
        article({ locale, title: `${tag} d`, category: 'Aa commandes', published: false }),
      ];
      for (const a of made) await store().createArticle(a);
      const mine = (list: ArticleRecord[]) => list.filter((a) => a.title.startsWith(tag)).map((a) => a.title);
      assert.deepEqual(mine(await store().listArticles({ locale, publishedOnly: true, limit: 1000 })), [
        `${tag} c`,
        `${tag} b`,
        `${tag} a`,
      ]);
      const all = await store().listArticles({ locale, limit: 1000 });
      assert.deepEqual(mine(all), [`${tag} c`, `${tag} d`, `${tag} b`, `${tag} a`]);
      assert.equal(all.length, before.length + 4);
      assert.ok(all.every((a) => a.locale === 'fr'));
      assert.ok((await store().countArticles()) >= 4);
    });

    it('edits an article without changing its URL, and deletes it', async () => {
      const a = article();
      await store().createArticle(a);
      const edited = await store().updateArticle(a.id, {
        title: 'Where is my parcel?',
        published: false,
        category: null,
        now: T0 + 5,
      });
      assert.deepEqual(edited, {
        ...a,
        title: 'Where is my parcel?',
        published: false,
        category: null,
        updatedAt: T0 + 5,
      });
      assert.equal(await store().updateArticle(uid('art'), { title: 'x', now: T0 }), undefined);
      assert.equal(await store().deleteArticle(a.id), true);
      assert.equal(await store().getArticle(a.id), undefined);
      assert.equal(await store().deleteArticle(a.id), false);
    });
  });
}
