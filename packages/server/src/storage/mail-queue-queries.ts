/** The outgoing mail queue: see mail-queue-store.ts. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, MailQueueTable } from './database';
import type { NewQueuedMail, QueuedMail } from './mail-queue-store';
import type { StoreDialect } from './store-dialect';

type Db = Kysely<Database>;

export async function queueMail(db: Db, m: NewQueuedMail): Promise<void> {
  await db
    .insertInto('mail_queue')
    .values({
      id: m.id,
      kind: m.kind,
      to_address: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      attempts: 0,
      next_attempt_at: m.createdAt,
      last_error: null,
      created_at: m.createdAt,
    })
    .execute();
}

export async function claimDueMail(
  db: Db,
  dialect: StoreDialect,
  { now, limit, leaseMs }: { now: number; limit: number; leaseMs: number },
): Promise<QueuedMail[]> {
  // As claimDueDeliveries: one statement, so the rows chosen are the rows moved, and SKIP LOCKED lets
  // two nodes claim at once without waiting on each other. SQLite has one writer, so no lock to skip.
  const lock = dialect.concurrentWriters ? sql`for update skip locked` : sql``;
  const { rows } = await sql<Selectable<MailQueueTable>>`
    update mail_queue
       set next_attempt_at = ${now + leaseMs}, attempts = attempts + 1
     where id in (
       select id from mail_queue
        where next_attempt_at <= ${now}
        order by next_attempt_at, id
        limit ${limit} ${lock})
    returning *`.execute(db);
  return rows.map(toQueuedMail).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export async function deleteQueuedMail(db: Db, id: string): Promise<void> {
  await db.deleteFrom('mail_queue').where('id', '=', id).execute();
}

export async function retryQueuedMail(
  db: Db,
  id: string,
  { nextAttemptAt, error }: { nextAttemptAt: number; error: string | null },
): Promise<void> {
  await db
    .updateTable('mail_queue')
    .set({ next_attempt_at: nextAttemptAt, last_error: error })
    .where('id', '=', id)
    .execute();
}

function toQueuedMail(row: Selectable<MailQueueTable>): QueuedMail {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    text: row.text,
    html: row.html,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: row.last_error,
    createdAt: Number(row.created_at),
  };
}
