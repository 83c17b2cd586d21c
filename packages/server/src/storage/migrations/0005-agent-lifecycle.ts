/**
 * Agents can be revoked: an `active` flag on agents (a deactivated agent cannot sign in), and sessions
 * an agent can see and end. A session gets an opaque id, so the list an agent is shown names each one
 * without handing out the token's hash (the lookup key of a live credential), and the browser and
 * address it was opened from. Sessions opened before this migration get a random id here.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('agents')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('sessions').addColumn('id', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('ip', 'text').execute();
  const rows = (await db.selectFrom('sessions').select('token_hash').execute()) as { token_hash: string }[];
  for (const row of rows) {
    await db
      .updateTable('sessions')
      .set({ id: randomUUID() })
      .where('token_hash', '=', row.token_hash)
      .execute();
  }
  await db.schema.createIndex('sessions_id_key').on('sessions').column('id').unique().execute();
}

export const agentLifecycle: Migration = { up };
