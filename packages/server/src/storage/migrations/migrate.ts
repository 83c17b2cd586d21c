/**
 * Runs the migrations with Kysely's Migrator from an in-code provider, so a bundled server needs no
 * migration files on disk. Names sort in the order they run; never rename or reorder a shipped one.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from '../database';
import { initial } from './0001-initial';
import { typingPreview } from './0002-typing-preview';
import { openQueueIndex } from './0003-open-queue-index';
import { sharedLimits } from './0004-shared-limits';
import { agentLifecycle } from './0005-agent-lifecycle';
import { visitorTokens } from './0006-visitor-tokens';
import { teamsRouting } from './0008-teams-routing';
import { agentTools } from './0009-agent-tools';
import { search } from './0010-search';
import { agentPreferences } from './0011-agent-preferences';
import { searchInPlace } from './0013-search-in-place';
import { contactsIdentity } from './0007-contacts-identity';
import { csatHours } from './0015-csat-hours';
import { hostAccounts } from './0018-host-accounts';
import { webhooks } from './0019-webhooks';
import { recovery } from './0020-recovery';
import { recoveryActions } from './0021-recovery-actions';
import { supportReferences } from './0022-support-references';
import { articles } from './0014-articles';
import { bot } from './0016-bot';
import { mail } from './0017-mail';
import { mailQueue } from './0023-mail-queue';

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_typing_preview': typingPreview,
  '0003_open_queue_index': openQueueIndex,
  '0004_shared_limits': sharedLimits,
  '0005_agent_lifecycle': agentLifecycle,
  '0006_visitor_tokens': visitorTokens,
  '0008_teams_routing': teamsRouting,
  '0009_agent_tools': agentTools,
  '0010_search': search,
  '0011_agent_preferences': agentPreferences,
  '0007_contacts_identity': contactsIdentity,
  '0013_search_in_place': searchInPlace,
  '0015_csat_hours': csatHours,
  '0018_host_accounts': hostAccounts,
  '0019_webhooks': webhooks,
  '0020_recovery': recovery,
  '0021_recovery_actions': recoveryActions,
  '0022_support_references': supportReferences,
  '0014_articles': articles,
  '0016_bot': bot,
  '0017_mail': mail,
  '0023_mail_queue': mailQueue,
};

/** Exported for tests that start from an older schema (search backfill). */
export const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

/**
 * On PostgreSQL the Migrator takes a session advisory lock around the pending steps and creates its own
 * tables race-safely, so several nodes may call this at once. `schema` must be given on PostgreSQL:
 * without it Kysely looks for its bookkeeping table in every schema of the database.
 */
export async function migrateToLatest(db: Kysely<Database>, schema: string | undefined): Promise<void> {
  // Kysely creates the schema outside its lock, and two nodes starting at once on a new schema could
  // each miss the other's (seen in CI: "schema does not exist"): create it first, one node at a time.
  if (schema !== undefined)
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`candor-schema:${schema}`}))`.execute(trx);
      await sql`create schema if not exists ${sql.id(schema)}`.execute(trx);
    });
  const migrator = new Migrator({
    db,
    provider,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'setup';
    const reason = error instanceof Error ? error.message : 'unknown error';
    // The cause is kept so a connection failure still reads as StoreUnavailableError to the caller.
    throw new Error(`migration ${failed} failed: ${reason}`, { cause: error });
  }
}
