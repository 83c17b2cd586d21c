/**
 * Contacts and signed identity (issue 12). Visitors get what they chose to give (name, email), how sure
 * we are of it (verification), what their browser says (language, time zone), and, when the host site
 * vouched for them, the site's user id (`external_id`, unique per inbox, so one signed user is one
 * visitor across browsers). Pages they visit are kept per visitor, capped. Inboxes get their pre-chat
 * form and identity settings. Each identity token is remembered until its exp, so a replay is refused
 * on every node.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  const visitors = [
    ['email', 'text'],
    ['language', 'text'],
    ['time_zone', 'text'],
    ['signed_inbox_id', 'text'],
    ['external_id', 'text'],
  ] as const;
  for (const [column, type] of visitors)
    await db.schema.alterTable('visitors').addColumn(column, type).execute();
  await db.schema
    .alterTable('visitors')
    .addColumn('verification', 'text', (c) => c.notNull().defaultTo('anonymous'))
    .execute();
  // NULLs are distinct on both dialects: only signed visitors take part in the uniqueness.
  await db.schema
    .createIndex('visitors_signed_key')
    .on('visitors')
    .columns(['signed_inbox_id', 'external_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('visitor_pages')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('visited_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('visitor_pages_visitor_idx')
    .on('visitor_pages')
    .columns(['visitor_id', 'visited_at'])
    .execute();

  const flags = ['prechat_enabled', 'prechat_require_email', 'identity_enforce'];
  for (const column of flags)
    await db.schema
      .alterTable('inboxes')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  await db.schema.alterTable('inboxes').addColumn('identity_secret', 'text').execute();

  await db.schema
    .createTable('identity_token_uses')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('identity_token_uses_expiry_idx')
    .on('identity_token_uses')
    .column('expires_at')
    .execute();
}

export const contactsIdentity: Migration = { up };
