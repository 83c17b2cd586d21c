/**
 * Each agent's notification preferences (which events, sound, desktop), kept on the server so they
 * follow the agent to any browser. One row per agent that changed them; absent means the defaults.
 * Stored as JSON text: the shape is the API's and grows with it, and nothing queries inside it.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('agent_preferences')
    .addColumn('agent_id', 'text', (c) =>
      c.primaryKey().notNull().references('agents.id').onDelete('cascade'),
    )
    .addColumn('preferences', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export const agentPreferences: Migration = { up };
