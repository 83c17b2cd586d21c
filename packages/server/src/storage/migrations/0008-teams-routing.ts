/**
 * Who answers: teams (members, a default capacity), which teams an inbox routes to and with which
 * strategy, each agent's chosen status, capacity and skills, and their presence per node (socket count
 * and heartbeat) so "away after the last socket" holds across nodes. Conversations get a priority (and
 * its rank, so the queue orders in SQL), a team once transferred to one, required skills, and when they
 * began waiting. First assignments are kept apart (routing_waits) for the wait estimate, so the hot
 * conversations table gets no index on them. `inbox_routing` rows are also what a routing pass locks.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('default_capacity', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_members_pkey', ['team_id', 'agent_id'])
    .execute();
  await db.schema.createIndex('team_members_agent_idx').on('team_members').column('agent_id').execute();
  await db.schema
    .createTable('inbox_teams')
    .addColumn('inbox_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('inbox_teams_pkey', ['inbox_id', 'team_id'])
    .execute();
  await db.schema
    .createTable('inbox_routing')
    .addColumn('inbox_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('strategy', 'text', (c) => c.notNull().defaultTo('round_robin'))
    .execute();
  await db.schema
    .createTable('agent_routing')
    .addColumn('agent_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('online'))
    .addColumn('capacity', 'integer')
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('last_assigned', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('agent_presence')
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('sockets', 'integer', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_presence_pkey', ['agent_id', 'node_id'])
    .execute();
  await db.schema
    .createTable('routing_waits')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('inbox_id', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'bigint', (c) => c.notNull())
    .addColumn('waited_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('routing_waits_inbox_idx')
    .on('routing_waits')
    .columns(['inbox_id', 'assigned_at'])
    .execute();

  await db.schema
    .alterTable('conversations')
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal'))
    .execute();
  await db.schema
    .alterTable('conversations')
    .addColumn('priority_rank', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('conversations').addColumn('team_id', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('required_skills', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('waiting_since', 'bigint').execute();
  // An agent's load is counted across inboxes: open conversations by assignee.
  await db.schema
    .createIndex('conversations_assignee_status_idx')
    .on('conversations')
    .columns(['assignee_id', 'status'])
    .execute();
}

export const teamsRouting: Migration = { up };
