/** Webhooks and their outbox: see webhook-store.ts. */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, WebhookDeliveriesTable, WebhooksTable } from './database';
import type { StoreDialect } from './store-dialect';
import type { DeliveryRecord, DeliveryResult, WebhookRecord } from './webhook-store';

type Db = Kysely<Database>;

export async function createWebhook(db: Db, w: WebhookRecord): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({
      id: w.id,
      url: w.url,
      events: JSON.stringify(w.events),
      secret: w.secret,
      created_by: w.createdBy,
      created_at: w.createdAt,
      disabled_at: w.disabledAt,
      disabled_reason: w.disabledReason,
    })
    .execute();
}

export async function listWebhooks(db: Db): Promise<WebhookRecord[]> {
  return (await db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id').execute()).map(
    toWebhook,
  );
}

export async function findWebhook(db: Db, id: string): Promise<WebhookRecord | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWebhook(row);
}

export async function deleteWebhook(db: Db, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
    const r = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  });
}

export async function disableWebhook(db: Db, id: string, reason: string, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('webhooks')
      .set({ disabled_at: now, disabled_reason: reason })
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', last_error: `endpoint disabled: ${reason}`, done_at: now })
      .where('webhook_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
  });
}

export async function enqueueWebhookEvent(
  db: Db,
  event: { type: string; payload: (deliveryId: string) => string; webhookId?: string },
  now: number,
): Promise<number> {
  let query = db.selectFrom('webhooks').select(['id', 'events']).where('disabled_at', 'is', null);
  if (event.webhookId !== undefined) query = query.where('id', '=', event.webhookId);
  const targets = (await query.execute()).filter(
    (w) => event.webhookId !== undefined || (JSON.parse(w.events) as string[]).includes(event.type),
  );
  if (targets.length === 0) return 0;
  await db
    .insertInto('webhook_deliveries')
    .values(
      targets.map((w) => {
        const id = `msg_${randomUUID().replace(/-/g, '')}`;
        return {
          id,
          webhook_id: w.id,
          event_type: event.type,
          payload: event.payload(id),
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: now,
          last_status: null,
          last_error: null,
          created_at: now,
          done_at: null,
        };
      }),
    )
    .execute();
  return targets.length;
}

export async function claimDueDeliveries(
  db: Db,
  dialect: StoreDialect,
  { now, limit, leaseMs }: { now: number; limit: number; leaseMs: number },
): Promise<DeliveryRecord[]> {
  // One statement: the rows chosen are the rows moved, and SKIP LOCKED lets two nodes claim at once
  // without waiting on, or taking, each other's rows. SQLite has one writer, so no lock to skip.
  const lock = dialect.concurrentWriters ? sql`for update skip locked` : sql``;
  const { rows } = await sql<Selectable<WebhookDeliveriesTable>>`
    update webhook_deliveries
       set next_attempt_at = ${now + leaseMs}, attempts = attempts + 1
     where id in (
       select id from webhook_deliveries
        where status = 'pending' and next_attempt_at <= ${now}
        order by next_attempt_at, id
        limit ${limit} ${lock})
    returning *`.execute(db);
  return rows.map(toDelivery).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export async function recordDelivery(db: Db, id: string, r: DeliveryResult): Promise<void> {
  const set =
    r.status === 'retry'
      ? { last_status: r.httpStatus, last_error: r.error, next_attempt_at: r.nextAttemptAt }
      : r.status === 'delivered'
        ? { status: 'delivered' as const, last_status: r.httpStatus, last_error: null, done_at: r.at }
        : { status: 'failed' as const, last_status: r.httpStatus, last_error: r.error, done_at: r.at };
  await db
    .updateTable('webhook_deliveries')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export async function listDeliveries(db: Db, webhookId: string, limit: number): Promise<DeliveryRecord[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDelivery);
}

function toWebhook(row: Selectable<WebhooksTable>): WebhookRecord {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    secret: row.secret,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    disabledAt: row.disabled_at === null ? null : Number(row.disabled_at),
    disabledReason: row.disabled_reason,
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): DeliveryRecord {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventType: row.event_type,
    payload: row.payload,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastError: row.last_error,
    createdAt: Number(row.created_at),
    doneAt: row.done_at === null ? null : Number(row.done_at),
  };
}
