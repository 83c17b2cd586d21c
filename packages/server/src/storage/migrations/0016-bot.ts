/**
 * The bot in conversations (issue 13). Three tables of its own, so the hot append statements and the
 * conversations row (rewritten with every message) stay as they were:
 * - `inbox_bots`: an inbox's switch (absent: off);
 * - `bot_states`: a conversation's bot turn (domain/bot/handover.ts BotState as JSON) with a version
 *   for conditional updates, so one event never produces two replies from two nodes; `active` is 1
 *   while the bot holds the conversation, which keeps it out of the routing queue;
 * - `bot_messages`: what a bot message offered (articles, confidence), read with history.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not follow later changes to the Database type, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('inbox_bots')
    .addColumn('inbox_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('bot_states')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('inbox_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('offered_message_id', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('bot_messages')
    .addColumn('message_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    /** JSON array of { id, title, url }. */
    .addColumn('articles', 'text', (c) => c.notNull())
    /** Thousandths, so both stores keep the same integer. */
    .addColumn('confidence_milli', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .execute();
}

export const bot: Migration = { up };
