/** Admins' redaction rules, and the record of what was masked (kind and label, never the secret). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RedactionRule } from '@candor/protocol';
import type { RedactionEventRecord } from '../domain/types';
import type { Database } from './database';

type Db = Kysely<Database>;

export async function sharedSecret(db: Db, name: string, fresh: string, now: number): Promise<string> {
  await db
    .insertInto('secrets')
    .values({ name, value: fresh, created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function listRedactionRules(db: Db): Promise<RedactionRule[]> {
  return db
    .selectFrom('redaction_rules')
    .select(['id', 'label', 'pattern', 'validator'])
    .orderBy('created_at')
    .execute();
}

export async function createRedactionRule(db: Db, rule: RedactionRule & { createdBy: string; now: number }) {
  await db
    .insertInto('redaction_rules')
    .values({
      id: rule.id,
      label: rule.label,
      pattern: rule.pattern,
      validator: rule.validator,
      created_by: rule.createdBy,
      created_at: rule.now,
    })
    .execute();
}

export async function deleteRedactionRule(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('redaction_rules').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function recordRedactions(db: Db, events: readonly RedactionEventRecord[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('redaction_events')
    .values(
      events.map((e) => ({
        id: randomUUID(),
        conversation_id: e.conversationId,
        message_id: e.messageId,
        kind: e.kind,
        label: e.label,
        created_at: e.createdAt,
      })),
    )
    .execute();
}

export async function listRedactionEvents(db: Db, conversationId: string): Promise<RedactionEventRecord[]> {
  const rows = await db
    .selectFrom('redaction_events')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    conversationId: r.conversation_id,
    messageId: r.message_id,
    kind: r.kind,
    label: r.label,
    createdAt: r.created_at,
  }));
}
