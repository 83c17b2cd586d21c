/** Contacts (issue 12): what a visitor gave, what their browser says, and the pages they visited. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ContactRecord, PageRecord } from '../domain/types';
import type { Database } from './database';

type Db = Kysely<Database>;

const CONTACT_COLUMNS = ['id', 'name', 'email', 'verification', 'language', 'time_zone'] as const;

function toContact(row: {
  id: string;
  name: string;
  email: string | null;
  verification: ContactRecord['verification'];
  language: string | null;
  time_zone: string | null;
}): ContactRecord {
  return {
    visitorId: row.id,
    name: row.name,
    email: row.email,
    verification: row.verification,
    language: row.language,
    timeZone: row.time_zone,
  };
}

export async function findContact(db: Db, visitorId: string): Promise<ContactRecord | undefined> {
  const row = await db
    .selectFrom('visitors')
    .select(CONTACT_COLUMNS)
    .where('id', '=', visitorId)
    .executeTakeFirst();
  return row && toContact(row);
}

/**
 * The visitor typed a name and/or email: stored as self-declared. A signed visitor is left as it is
 * (checked in the same statement, so a sign-in racing with it cannot be downgraded): undefined then,
 * and for an unknown visitor.
 */
export async function declareContact(
  db: Db,
  visitorId: string,
  given: { name?: string; email?: string },
): Promise<ContactRecord | undefined> {
  const row = await db
    .updateTable('visitors')
    .set({
      verification: 'self_declared',
      ...(given.name === undefined ? {} : { name: given.name }),
      ...(given.email === undefined ? {} : { email: given.email }),
    })
    .where('id', '=', visitorId)
    .where('verification', '!=', 'signed')
    .returning(CONTACT_COLUMNS)
    .executeTakeFirst();
  return row && toContact(row);
}

/** Language and time zone as the browser said in its hello; written only when they changed. */
export async function noteBrowser(
  db: Db,
  visitorId: string,
  facts: { language: string | null; timeZone: string | null },
): Promise<void> {
  await db
    .updateTable('visitors')
    .set({ language: facts.language, time_zone: facts.timeZone })
    .where('id', '=', visitorId)
    .where((eb) =>
      eb.or([
        facts.language === null
          ? eb('language', 'is not', null)
          : eb('language', 'is distinct from', facts.language),
        facts.timeZone === null
          ? eb('time_zone', 'is not', null)
          : eb('time_zone', 'is distinct from', facts.timeZone),
      ]),
    )
    .execute();
}

/**
 * Appends a page unless it is the one last recorded (same address and title), and keeps only the
 * `keep` newest. false when nothing was added.
 */
export async function recordPage(
  db: Db,
  visitorId: string,
  page: PageRecord,
  keep: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('visitor_pages')
      .select(['url', 'title'])
      .where('visitor_id', '=', visitorId)
      .orderBy('visited_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last?.url === page.url && last.title === page.title) return false;
    await trx
      .insertInto('visitor_pages')
      .values({
        id: randomUUID(),
        visitor_id: visitorId,
        url: page.url,
        title: page.title,
        visited_at: page.at,
      })
      .execute();
    const cutoff = await trx
      .selectFrom('visitor_pages')
      .select(['visited_at'])
      .where('visitor_id', '=', visitorId)
      .orderBy('visited_at', 'desc')
      .offset(keep)
      .limit(1)
      .executeTakeFirst();
    if (cutoff)
      await trx
        .deleteFrom('visitor_pages')
        .where('visitor_id', '=', visitorId)
        .where('visited_at', '<=', cutoff.visited_at)
        .execute();
    return true;
  });
}

/** A visitor's pages, newest first. */
export async function listPages(db: Db, visitorId: string, limit: number): Promise<PageRecord[]> {
  const rows = await db
    .selectFrom('visitor_pages')
    .select(['url', 'title', 'visited_at'])
    .where('visitor_id', '=', visitorId)
    .orderBy('visited_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ url: r.url, title: r.title, at: r.visited_at }));
}
