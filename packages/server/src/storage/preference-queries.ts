/** Agents' notification preferences, one JSON row per agent who changed them. */
import type { Kysely } from 'kysely';
import type { Database } from './database';

type Db = Kysely<Database>;

export async function agentPreferences(db: Db, agentId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('agent_preferences')
    .where('agent_id', '=', agentId)
    .select('preferences')
    .executeTakeFirst();
  return row?.preferences;
}

export async function setAgentPreferences(
  db: Db,
  agentId: string,
  preferences: string,
  now: number,
): Promise<void> {
  await db
    .insertInto('agent_preferences')
    .values({ agent_id: agentId, preferences, updated_at: now })
    .onConflict((oc) => oc.column('agent_id').doUpdateSet({ preferences, updated_at: now }))
    .execute();
}
