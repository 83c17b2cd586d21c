/** The knowledge base's articles (see article-store.ts). */
import type { Kysely, Selectable } from 'kysely';
import type { ArticleRecord } from '../domain/articles/article';
import type { ArticleFilter, ArticlePatch } from './article-store';
import type { ArticlesTable, Database } from './database';

type Db = Kysely<Database>;

function toArticle(r: Selectable<ArticlesTable>): ArticleRecord {
  return {
    id: r.id,
    locale: r.locale === 'fr' ? 'fr' : 'en',
    slug: r.slug,
    title: r.title,
    body: r.body,
    category: r.category,
    published: Number(r.published) === 1,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export async function listArticles(db: Db, filter: ArticleFilter): Promise<ArticleRecord[]> {
  let query = db.selectFrom('articles').selectAll();
  if (filter.locale !== undefined) query = query.where('locale', '=', filter.locale);
  if (filter.publishedOnly === true) query = query.where('published', '=', 1);
  const rows = await query
    .orderBy((eb) => eb.case().when('category', 'is', null).then(1).else(0).end())
    .orderBy('category')
    .orderBy('title')
    .orderBy('id')
    .limit(filter.limit)
    .execute();
  return rows.map(toArticle);
}

export async function getArticle(db: Db, id: string): Promise<ArticleRecord | undefined> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toArticle(row);
}

export async function findArticleBySlug(
  db: Db,
  locale: string,
  slug: string,
): Promise<ArticleRecord | undefined> {
  const row = await db
    .selectFrom('articles')
    .selectAll()
    .where('locale', '=', locale)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toArticle(row);
}

export async function articleSlugsLike(db: Db, locale: string, prefix: string): Promise<string[]> {
  // Slugs hold only a-z, 0-9 and '-', so the prefix has no LIKE wildcard to escape.
  const rows = await db
    .selectFrom('articles')
    .select('slug')
    .where('locale', '=', locale)
    .where('slug', 'like', `${prefix.replace(/[^a-z0-9-]/g, '')}%`)
    .execute();
  return rows.map((r) => r.slug);
}

export async function countArticles(db: Db): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function createArticle(db: Db, a: ArticleRecord): Promise<void> {
  await db
    .insertInto('articles')
    .values({
      id: a.id,
      locale: a.locale,
      slug: a.slug,
      title: a.title,
      body: a.body,
      category: a.category,
      published: a.published ? 1 : 0,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })
    .execute();
}

export async function updateArticle(
  db: Db,
  id: string,
  patch: ArticlePatch,
): Promise<ArticleRecord | undefined> {
  const row = await db
    .updateTable('articles')
    .set({
      updated_at: patch.now,
      ...(patch.title === undefined ? {} : { title: patch.title }),
      ...(patch.body === undefined ? {} : { body: patch.body }),
      ...(patch.locale === undefined ? {} : { locale: patch.locale }),
      ...(patch.category === undefined ? {} : { category: patch.category }),
      ...(patch.published === undefined ? {} : { published: patch.published ? 1 : 0 }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toArticle(row);
}

export async function deleteArticle(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
