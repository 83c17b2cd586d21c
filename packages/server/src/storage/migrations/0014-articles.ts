/**
 * The knowledge base (issue 13): help articles in English or French, drafts or published. A slug is
 * unique per language, so /help/en/returns and /help/fr/returns can both exist. `published` is 0/1 on
 * both dialects, as agents.active is.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('articles_locale_slug_idx')
    .on('articles')
    .columns(['locale', 'slug'])
    .unique()
    .execute();
}

export const articles: Migration = { up };
